using System.Runtime.InteropServices;
using MolScreen.Core.IO;
using MolScreen.Interactions.Features;
using MolScreen.Interactions.Learning;
using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions;

/// <summary>
/// A trained pair model: the networks (probabilities averaged) and, when it uses partner profiles, the training pairs
/// they are computed from, so a new pair is scored exactly as a test pair was in CV (an unseen protein gets the prior).
/// </summary>
public sealed class PairPredictor
{
    /// <summary>File format: 2 added partner profiles and ensembles, 3 the blended boosted trees; older files are refused.</summary>
    public const int FormatVersion = 3;

    public IReadOnlyList<ScoringModel> Members { get; }
    public PartnerProfiles? Profiles { get; }
    /// <summary>Boosted trees over the same (unscaled) rows, blended into the probability with <see cref="TreeWeight"/>; null when absent.</summary>
    public BoostedTrees? Trees { get; }
    public double TreeWeight { get; }
    public string FeatureLayout { get; }
    /// <summary>Decision threshold on the averaged probability, chosen on training data (0.5 unless tuned); stored in every member.</summary>
    public float Threshold => Members[0].Threshold;

    public PairPredictor(IReadOnlyList<ScoringModel> members, PartnerProfiles? profiles, BoostedTrees? trees = null, double treeWeight = 0)
    {
        if (treeWeight is < 0 or > 1 || (trees == null && treeWeight != 0)) throw new ArgumentException($"tree weight {treeWeight} needs trees and must lie in [0, 1]");
        if (members.Count == 0) throw new ArgumentException("a pair model needs at least one network");
        FeatureLayout = PairModel.Layout(profiles?.Options);
        foreach (var m in members)
            if (m.Kind != PairModel.Kind || m.FeatureLayout != FeatureLayout)
                throw new ArgumentException($"network of kind '{m.Kind}' layout '{m.FeatureLayout}' does not belong to a pair model with layout '{FeatureLayout}'");
        if (members.Any(m => m.Threshold != members[0].Threshold)) throw new ArgumentException("the networks of one pair model disagree on its decision threshold");
        if (trees != null && trees.Inputs != members[0].Scaler.Mean.Length) throw new ArgumentException($"trees take {trees.Inputs} inputs, the networks {members[0].Scaler.Mean.Length}");
        Members = members;
        Profiles = profiles;
        Trees = trees;
        TreeWeight = treeWeight;
    }

    public float[] Predict(IReadOnlyList<(BioSequence Protein, BioSequence Rna)> pairs)
    {
        if (pairs.Count == 0) return [];
        var rows = PairModel.QueryRows(pairs, Profiles);
        var mean = new float[pairs.Count];
        foreach (var m in Members)
        {
            var p = m.Predict(rows);
            for (int i = 0; i < p.Length; i++) mean[i] += p[i] / Members.Count;
        }
        if (Trees == null) return mean;
        var t = Trees.PredictProbabilities(rows);
        for (int i = 0; i < mean.Length; i++) mean[i] = (float)((1 - TreeWeight) * mean[i] + TreeWeight * t[i]);
        return mean;
    }

    internal static float[][] Join(float[][] left, float[][] right) =>
        left.Select((l, i) => (float[])[.. l, .. right[i]]).ToArray();

    private sealed record PartnersDto(bool PairNeighbours, double Tau, double RnaTau, int InnerFolds, int Seed, List<string> Proteins, List<string> Rnas, string Pairs, bool ExcludeOwnRna = false, bool NeutralizeOwnProtein = false);
    // Node arrays as little-endian base64 (int32 / float32), as the networks' weights are: thousands of nodes stay a few lines.
    private sealed record TreeDto(string Feature, string Threshold, string Left, string Right, string Value);
    private sealed record TreesDto(int Inputs, float BaseScore, double Weight, List<TreeDto> Trees);
    private sealed record FileDto(string Kind, int FormatVersion, string FeatureLayout, List<ScoringModel.FileDto> Members, PartnersDto? Partners, TreesDto? Trees);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PartnersDto? partners = null;
        if (Profiles is { } pr)
        {
            // Pairs as little-endian int32 triples (protein, RNA, label) in base64: thousands of rows stay one line.
            var flat = pr.Pairs.SelectMany(t => new[] { t.Protein, t.Rna, t.Interacts ? 1 : 0 }).ToArray();
            partners = new PartnersDto(pr.Options.PairNeighbours, pr.Options.Tau, pr.Options.RnaTau, pr.Options.InnerFolds, pr.Options.Seed,
                pr.Proteins.ToList(), pr.Rnas.ToList(), Convert.ToBase64String(MemoryMarshal.AsBytes(flat.AsSpan())), pr.Options.ExcludeOwnRna, pr.Options.NeutralizeOwnProtein == true);
        }
        var trees = Trees == null ? null : new TreesDto(Trees.Inputs, Trees.BaseScore, TreeWeight,
            Trees.Trees.Select(t => new TreeDto(B64(t.Feature), B64(t.Threshold), B64(t.Left), B64(t.Right), B64(t.Value))).ToList());
        JsonFile.Save(path, new FileDto(PairModel.Kind, FormatVersion, FeatureLayout, Members.Select(m => m.ToDto()).ToList(), partners, trees));
    }

    public static PairPredictor Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path}");
        var dto = JsonFile.TryLoad<FileDto>(path) ?? throw new InvalidDataException($"{path}: not a readable model file");
        if (dto.Kind != PairModel.Kind) throw new InvalidDataException($"{path}: model kind '{dto.Kind}', expected '{PairModel.Kind}'");
        if (dto.FormatVersion != FormatVersion || dto.Members == null)
        {
            // Format-1 files are a bare network file: no version field, so it reads as 0.
            var found = dto.FormatVersion switch
            {
                0 => "1 (a single network, before partner profiles)",
                2 => "2 (networks only, before the boosted-tree blend)",
                var v => v.ToString(),
            };
            throw new InvalidDataException($"{path}: pair-model file format {found}; this build reads format {FormatVersion}; retrain it with datasets/train-rpi-models.sh");
        }
        PartnerProfiles? profiles = null;
        if (dto.Partners is { } p)
        {
            var bytes = Convert.FromBase64String(p.Pairs ?? "");
            if (bytes.Length % 12 != 0 || p.Proteins == null || p.Rnas == null) throw new InvalidDataException($"{path}: partner pairs are not (protein, RNA, label) triples");
            var flat = MemoryMarshal.Cast<byte, int>(bytes).ToArray();
            var pairs = Enumerable.Range(0, flat.Length / 3).Select(i => (flat[3 * i], flat[3 * i + 1], flat[3 * i + 2] == 1)).ToList();
            var options = new ProfileOptions { PairNeighbours = p.PairNeighbours, Tau = p.Tau, RnaTau = p.RnaTau, InnerFolds = p.InnerFolds, Seed = p.Seed, ExcludeOwnRna = p.ExcludeOwnRna,
                // Stored decision, never re-decided at load (files before the field was added kept the own-protein values).
                NeutralizeOwnProtein = p.NeutralizeOwnProtein };
            try { profiles = new PartnerProfiles(p.Proteins, p.Rnas, pairs, options); }
            catch (Exception e) when (e is ArgumentException or FormatException) { throw new InvalidDataException($"{path}: partner profiles: {e.Message}", e); }
        }
        var layout = PairModel.Layout(profiles?.Options);
        if (dto.FeatureLayout != layout)
            throw new InvalidDataException($"{path}: trained on feature layout '{dto.FeatureLayout}', this build computes '{layout}'; retrain it");
        var members = dto.Members.Select((m, i) => ScoringModel.FromDto(m, $"{path} network {i}", PairModel.Kind, layout)).ToList();
        BoostedTrees? boosted = null;
        if (dto.Trees is { } td)
        {
            try
            {
                boosted = new BoostedTrees(td.Inputs, td.BaseScore, (td.Trees ?? []).Select(t => new BoostedTrees.Tree(
                    Array<int>(t.Feature), Array<float>(t.Threshold), Array<int>(t.Left), Array<int>(t.Right), Array<float>(t.Value))).ToList());
                return new PairPredictor(members, profiles, boosted, td.Weight);
            }
            catch (Exception e) when (e is ArgumentException or FormatException) { throw new InvalidDataException($"{path}: boosted trees: {e.Message}", e); }
        }
        return new PairPredictor(members, profiles);
    }

    private static string B64<T>(T[] v) where T : unmanaged => Convert.ToBase64String(MemoryMarshal.AsBytes(v.AsSpan()));
    private static T[] Array<T>(string? b64) where T : unmanaged
    {
        var bytes = Convert.FromBase64String(b64 ?? "");
        if (bytes.Length % 4 != 0) throw new FormatException("a tree node array is not a whole number of 4-byte values");
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }
}
