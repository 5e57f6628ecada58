using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MolScreen.Ranking.Tests;

/// <summary>report.html as a browser renders it: headless Chromium loads it, runs its script and screenshots it.</summary>
[Collection(FullRunCollection.Name)]
public partial class ReportTests(FullRankRun fixture)
{
    private readonly RankRun _run = fixture.Run;
    private string Report => Path.Combine(_run.Out, "report.html");

    [Fact]
    public void ReportIsSelfContained()
    {
        var html = File.ReadAllText(Report);
        Assert.DoesNotMatch(SrcOrHref(), html);
        Assert.Contains("id=\"run-summary\"", html);
        foreach (var stage in new[] { "ingest", "featurize", "predict", "dock", "rank" }) Assert.Contains($"<td>{stage}</td>", html);
    }

    [Fact]
    public void ChromiumRendersTheTableAndEveryImageDecodes()
    {
        var dom = Chromium("--dump-dom", "--virtual-time-budget=10000", new Uri(Report).AbsoluteUri);
        Assert.Contains("data-images-ok=\"true\"", dom);
        var total = int.Parse(ImagesTotal().Match(dom).Groups[1].Value);
        // 12 depictions, at least 5 distributions, the Pareto front and the interface residues.
        Assert.True(total >= 12 + 5 + 2, $"{total} images");
        var table = TopTable().Match(dom);
        Assert.True(table.Success, "no top-candidates table in the rendered DOM");
        Assert.Equal(12, Regex.Matches(table.Value, "<tr>").Count - 1);
        Assert.Equal(12, Regex.Matches(table.Value, "class=\"mol\"").Count);
        Assert.Contains("id=\"pareto\"", dom);
        Assert.Contains("alt=\"Pareto front\"", dom);
        Assert.Contains("alt=\"interface residues\"", dom);
    }

    [Fact]
    public void ChromiumScreenshotShowsAPage()
    {
        var png = Path.Combine(_run.Dir, "report.png");
        Chromium($"--screenshot={png}", "--window-size=1400,2400", "--virtual-time-budget=10000", new Uri(Report).AbsoluteUri);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // Width and height from the IHDR chunk; a blank or failed render compresses to almost nothing.
        Assert.Equal(1400, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.True(bytes.Length > 50_000, $"screenshot is only {bytes.Length} bytes");
    }

    private string Chromium(params string[] args)
    {
        var exe = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromium not found: run scripts/install-deps.sh (Debian package chromium)");
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Root in containers needs --no-sandbox; a private profile keeps parallel runs apart.
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={Path.Combine(_run.Dir, "chromium-" + Guid.NewGuid().ToString("N"))}" }.Concat(args))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("chromium did not finish in 120 s"); }
        Assert.True(p.ExitCode == 0, $"chromium exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex("(src|href)=\"(?!data:)")] private static partial Regex SrcOrHref();
    [GeneratedRegex("data-images-total=\"(\\d+)\"")] private static partial Regex ImagesTotal();
    [GeneratedRegex("<table id=\"top-candidates\".*?</table>", RegexOptions.Singleline)] private static partial Regex TopTable();
}
