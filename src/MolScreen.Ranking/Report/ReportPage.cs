using System.Globalization;
using System.Text;
using MolScreen.Core.Stages;
using static System.Net.WebUtility;

namespace MolScreen.Ranking.Report;

/// <summary>
/// OUT/report.html: one self-contained page (no external files or scripts) with the run summary,
/// the top candidates as a sortable table with 2D depictions, score and property distributions,
/// the Pareto front and the interface residues. Images are data URIs; a small inline script sorts
/// the table and records on &lt;body data-images-ok&gt; whether every image decoded, for tests.
/// </summary>
public static class ReportPage
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Task<string> BuildAsync(RunPublication run, RankedTable ranked, string? posesPath, CancellationToken ct)
    {
        var summary = RunSummary.Parse(run.RunJson, run.OutDir);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append($"<title>MolScreen report: {HtmlEncode(summary.Workflow)}</title><style>{Css}</style></head>\n<body data-images-ok=\"pending\">\n");
        sb.Append($"<h1>MolScreen screening report: {HtmlEncode(summary.Workflow)}</h1>\n");
        sb.Append($"<p class=\"meta\">workflow hash <code>{HtmlEncode(Short(summary.WorkflowHash))}</code> · MolScreen {HtmlEncode(summary.MolScreenVersion)} · seed {summary.Seed} · " +
                  $"report written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {HtmlEncode(Environment.MachineName)} ({Environment.ProcessorCount} CPUs)</p>\n");
        Summary(sb, summary);
        ct.ThrowIfCancellationRequested();
        Candidates(sb, ranked, run, posesPath);
        ct.ThrowIfCancellationRequested();
        Plots(sb, ranked);
        sb.Append($"<script>{Script}</script>\n</body></html>\n");
        return Task.FromResult(sb.ToString());
    }

    private static void Summary(StringBuilder sb, RunSummary s)
    {
        sb.Append("<h2>Run summary</h2>\n<table id=\"run-summary\"><thead><tr><th>stage</th><th>kind</th><th>shards</th><th>in</th><th>out</th><th>rejected</th><th>time (s, summed over shards)</th><th>hosts</th><th>finished (UTC)</th></tr></thead><tbody>\n");
        foreach (var st in s.Stages)
            sb.Append($"<tr><td>{HtmlEncode(st.Name)}</td><td>{HtmlEncode(st.Kind)}</td><td>{st.Shards}</td><td>{st.In:N0}</td><td>{st.Out:N0}</td><td>{st.Rejected:N0}</td>" +
                      $"<td>{st.WallSeconds.ToString("0.0", Inv)}</td><td>{HtmlEncode(st.Hosts)}</td><td>{st.Finished?.ToString("yyyy-MM-dd HH:mm:ss", Inv)}</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    private static void Candidates(StringBuilder sb, RankedTable t, RunPublication run, string? posesPath)
    {
        var scoreCols = RankedTable.ScoreColumns.Where(t.NumericColumns.Contains)
            .Concat(t.NumericColumns.Where(c => c.EndsWith("_pred", StringComparison.Ordinal))).ToList();
        sb.Append($"<h2>Top {t.Top.Count} candidates</h2>\n<p>Ranked by Pareto front over {HtmlEncode(t.Objectives.Count > 0 ? string.Join(", ", t.Objectives) : "no objectives present")}, " +
                  $"then desirability; at most a few per Butina cluster in this list (the others follow it in ranked.parquet). {t.All.Count:N0} compounds ranked in all." +
                  (posesPath != null ? $" Best poses: <code>{HtmlEncode(Path.GetRelativePath(run.OutDir, posesPath))}</code>." : "") + " Click a column header to sort.</p>\n");
        sb.Append("<table id=\"top-candidates\" class=\"sortable\"><thead><tr><th data-type=\"num\">rank</th><th>structure</th><th>id</th><th data-type=\"num\">Pareto</th><th data-type=\"num\">desirability</th><th data-type=\"num\">cluster</th>");
        foreach (var c in scoreCols) sb.Append($"<th data-type=\"num\">{HtmlEncode(c)}</th>");
        sb.Append("<th>rationale</th></tr></thead><tbody>\n");
        foreach (var r in t.Top)
        {
            var svg = MoleculeSvg.FromSmiles(r.Smiles);
            var depiction = svg != null ? $"<img class=\"mol\" alt=\"{HtmlEncode(r.Smiles)}\" title=\"{HtmlEncode(r.Smiles)}\" src=\"{SvgUri(svg)}\">" : $"<code>{HtmlEncode(r.Smiles)}</code>";
            sb.Append($"<tr><td>{r.Rank}</td><td>{depiction}</td><td>{HtmlEncode(r.Id)}</td><td>{r.ParetoRank}</td><td>{Num(r.Desirability)}</td><td>{r.Cluster}</td>");
            foreach (var c in scoreCols) sb.Append($"<td>{Num(r[c])}</td>");
            sb.Append($"<td class=\"why\">{HtmlEncode(r.Rationale)}</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void Plots(StringBuilder sb, RankedTable t)
    {
        sb.Append("<h2>Distributions</h2>\n<p>All ranked compounds; red lines mark the top list.</p>\n<div class=\"plots\" id=\"distributions\">\n");
        var columns = new[] { "desirability" }.Concat(RankedTable.ScoreColumns).Concat(t.NumericColumns.Where(c => c.EndsWith("_pred", StringComparison.Ordinal)))
            .Concat(["mw", "clogp", "tpsa", "qed"]).Where(t.NumericColumns.Contains).Distinct().ToList();
        foreach (var c in columns)
        {
            var all = t.All.Select(r => r[c]).OfType<double>().ToList();
            if (all.Count == 0) continue;
            sb.Append(Img($"distribution of {c}", ReportPlots.Distribution(c, all, t.Top.Select(r => r[c]).OfType<double>().ToList()))).Append('\n');
        }
        sb.Append("</div>\n<h2>Pareto front</h2>\n<p>Front 1 (not beaten on every objective by any compound) against the first two objectives; with more objectives this is a projection, so front-1 compounds can look dominated here.</p>\n<div class=\"plots\" id=\"pareto\">\n");
        var axes = t.Objectives.Select(o => o.Split(':')[0]).Where(t.NumericColumns.Contains).Take(2).ToList();
        // Front 1 is a staircase only when these two are all the objectives; otherwise it is a projection.
        var bothObjectives = axes.Count >= 2 && t.Objectives.Count == 2;
        if (axes.Count < 2 && t.NumericColumns.Contains("desirability")) axes.Add("desirability");
        if (axes.Count >= 2)
        {
            var points = t.All.Where(r => r[axes[0]] != null && r[axes[1]] != null).Select(r => (r[axes[0]]!.Value, r[axes[1]]!.Value, r.ParetoRank)).ToList();
            sb.Append(Img("Pareto front", ReportPlots.ParetoFront(axes[0], axes[1], points, bothObjectives)));
        }
        else sb.Append("<p>Fewer than two objectives with values: no trade-off to show.</p>");
        sb.Append("\n</div>\n<h2>Interface residues</h2>\n<div class=\"plots\" id=\"interface\">\n");
        var counts = t.Top.SelectMany(r => r.InterfaceContacts.Distinct()).GroupBy(x => x).Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(40).ToList();
        sb.Append(counts.Count > 0 ? Img("interface residues", ReportPlots.InterfaceResidues(counts))
            : "<p>No interface contacts in this run (no docking stage, or a target without an RNA interface).</p>");
        sb.Append("\n</div>\n");
    }

    private static string Img(string alt, string svg) => $"<img class=\"plot\" alt=\"{HtmlEncode(alt)}\" src=\"{SvgUri(svg)}\">";
    private static string SvgUri(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    private static string Num(double? v) => v is { } x ? Math.Abs(x) >= 100 ? x.ToString("0.#", Inv) : x.ToString("0.###", Inv) : "";
    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private const string Css = """
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:3px 6px;text-align:right;vertical-align:middle}
        th{background:#f3f3f3;cursor:pointer}td.why{text-align:left;max-width:34em}.meta{color:#666}img.mol{width:150px;height:150px}
        .plots{display:flex;flex-wrap:wrap;gap:12px}img.plot{border:1px solid #eee}
        """;

    /// <summary>Column sorting, and the image check tests read back with `chromium --dump-dom`.</summary>
    private const string Script = """
        document.querySelectorAll('table.sortable th').forEach(function(th, col){
          th.addEventListener('click', function(){
            var body = th.closest('table').tBodies[0], num = th.dataset.type === 'num';
            var asc = th.dataset.dir !== 'asc'; th.dataset.dir = asc ? 'asc' : 'desc';
            var rows = Array.from(body.rows);
            rows.sort(function(a, b){
              var x = a.cells[col].textContent, y = b.cells[col].textContent;
              if (num) { x = x === '' ? Infinity : parseFloat(x.replace('\u2212','-')); y = y === '' ? Infinity : parseFloat(y.replace('\u2212','-')); return asc ? x - y : y - x; }
              return asc ? x.localeCompare(y) : y.localeCompare(x);
            });
            rows.forEach(function(r){ body.appendChild(r); });
          });
        });
        function checkImages(){
          var imgs = Array.from(document.images);
          var ok = imgs.filter(function(i){ return i.complete && i.naturalWidth > 0; }).length;
          document.body.dataset.imagesTotal = imgs.length; document.body.dataset.imagesLoaded = ok;
          document.body.dataset.imagesOk = (ok === imgs.length && imgs.length > 0) ? 'true' : 'false';
        }
        if (document.readyState === 'complete') checkImages(); else window.addEventListener('load', checkImages);
        """;
}
