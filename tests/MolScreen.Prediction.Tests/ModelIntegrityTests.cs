using System.IO.Compression;
using MolScreen.Core.IO;
using MolScreen.Prediction.Model;
using MolScreen.Prediction.Stage;

namespace MolScreen.Prediction.Tests;

/// <summary>
/// Model folders are checked by content: each member and the domain file hash to the manifest's `files` map before
/// anything is parsed, the domain file's decompressed size is capped, and what predict's parameter hash covers
/// changes when any of them is swapped.
/// </summary>
public class ModelIntegrityTests
{
    private static string Shipped(string name) => Path.Combine(SharedData.RepoRoot(), "datasets", "models", name);

    private static string CopyOf(TempDir dir, string name)
    {
        var target = dir.Combine(name);
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(Shipped(name))) File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    private static string PlanHashOf(string modelDir) =>
        ContentHash.OfParts([.. ModelLocator.FilesRead([modelDir]).Select(f => f + ":" + ContentHash.OfPath(f))]);

    [Fact]
    public void ShippedManifestsListTheSha256OfEveryFileTheyRead()
    {
        foreach (var dir in ModelLocator.Directories([Path.Combine(SharedData.RepoRoot(), "datasets", "models")]))
        {
            var m = JsonFile.TryLoad<ModelManifest>(Path.Combine(dir, ModelManifest.FileName))!;
            Assert.NotNull(m.Files);
            Assert.Equal(ModelFiles.Checksums(dir, m), m.Files);
        }
    }

    [Fact]
    public void TamperedDomainFileFailsToLoadNamingIt()
    {
        using var dir = new TempDir();
        var model = CopyOf(dir, "herg");
        var domain = Path.Combine(model, ApplicabilityDomain.FileName);
        var bytes = File.ReadAllBytes(domain);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(domain, bytes);
        var e = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(model));
        Assert.Contains(domain, e.Message);
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void SwappedMemberFailsToLoadAndChangesWhatThePlanHashes()
    {
        using var dir = new TempDir();
        var model = CopyOf(dir, "herg");
        var before = PlanHashOf(model);
        Assert.NotNull(PropertyModel.Load(model));
        // A well-formed weight file (its own checksum is fine), just not the one the manifest lists.
        File.Copy(Path.Combine(model, "member-0.mlp"), Path.Combine(model, "member-1.mlp"), overwrite: true);
        Assert.NotEqual(before, PlanHashOf(model));
        var e = Assert.Throws<InvalidDataException>(() => ModelLocator.Load([model]));
        Assert.Contains("member-1.mlp", e.Message);
    }

    [Fact]
    public void RetrainedFileWithUpdatedManifestIsLoadedAfreshInTheSameProcess()
    {
        using var dir = new TempDir();
        var model = CopyOf(dir, "herg");
        var first = ModelLocator.Load([model]).Single();
        Assert.Same(first, ModelLocator.Load([model]).Single());
        // A legitimate change: one fingerprint fewer in the domain, the manifest updated to match.
        var manifestPath = Path.Combine(model, ModelManifest.FileName);
        var m = JsonFile.TryLoad<ModelManifest>(manifestPath)!;
        var set = Decompress(Path.Combine(model, ApplicabilityDomain.FileName));
        ApplicabilityDomain.Write(Path.Combine(model, ApplicabilityDomain.FileName), set[..^256]);
        m = m with { ApplicabilityDomain = m.ApplicabilityDomain with { Compounds = m.ApplicabilityDomain.Compounds - 1 } };
        JsonFile.Save(manifestPath, m with { Files = ModelFiles.Checksums(model, m) });
        var second = ModelLocator.Load([model]).Single();
        Assert.NotSame(first, second);
        Assert.Equal(first.Domain.Count - 1, second.Domain.Count);
    }

    [Fact]
    public void DomainFileLargerThanTheManifestSaysIsRefusedWhileDecompressing()
    {
        using var dir = new TempDir();
        var model = CopyOf(dir, "herg");
        var manifestPath = Path.Combine(model, ModelManifest.FileName);
        var m = JsonFile.TryLoad<ModelManifest>(manifestPath)!;
        // 64 MiB of zeros compress to ~64 kB: refused once it passes the manifest's compound count.
        var domain = Path.Combine(model, ApplicabilityDomain.FileName);
        using (var f = File.Create(domain))
        using (var gz = new GZipStream(f, CompressionLevel.Fastest))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) gz.Write(zeros);
        }
        JsonFile.Save(manifestPath, m with { Files = ModelFiles.Checksums(model, m) });
        var e = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(model));
        Assert.Contains(domain, e.Message);
        Assert.Contains("decompresses to more than", e.Message);
    }

    [Fact]
    public void MemberNamesMustStayInsideTheModelDirectory()
    {
        using var dir = new TempDir();
        var model = CopyOf(dir, "herg");
        var manifestPath = Path.Combine(model, ModelManifest.FileName);
        var m = JsonFile.TryLoad<ModelManifest>(manifestPath)!;
        JsonFile.Save(manifestPath, m with { Members = ["../herg/member-0.mlp", .. m.Members[1..]], Files = null });
        var e = Assert.Throws<InvalidDataException>(() => PropertyModel.Load(model));
        Assert.Contains("plain name", e.Message);
    }

    private static byte[] Decompress(string path)
    {
        using var f = File.OpenRead(path);
        using var gz = new GZipStream(f, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
}
