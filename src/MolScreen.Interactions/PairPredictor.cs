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
    /// <summary>File format: 2 added partner profiles and ensembles; format-1 files (a bare network) are refused.</summary>
    public const int FormatVersion = 2;

    public IReadOnlyList<ScoringModel> Members { get; }
    public PartnerProfiles? Profiles { get; }
    public string FeatureLayout { get; }
    /// <summary>Decision threshold on the averaged probability, chosen on training data (0.5 unless tuned); stored in every member.</summary>
    public float Threshold => Members[0].Threshold;

    public PairPredictor(IReadOnlyList<ScoringModel> members, PartnerProfiles? profiles)
    {
        if (members.Count == 0) throw new ArgumentException("a pair model needs at least one network");
        FeatureLayout = PairModel.Layout(profiles?.Options);
        foreach (var m in members)
            if (m.Kind != PairModel.Kind || m.FeatureLayout != FeatureLayout)
                throw new ArgumentException($"network of kind '{m.Kind}' layout '{m.FeatureLayout}' does not belong to a pair model with layout '{FeatureLayout}'");
        if (members.Any(m => m.Threshold != members[0].Threshold)) throw new ArgumentException("the networks of one pair model disagree on its decision threshold");
        Members = members;
        Profiles = profiles;
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
        return mean;
    }

    internal static float[][] Join(float[][] left, float[][] right) =>
        left.Select((l, i) => (float[])[.. l, .. right[i]]).ToArray();

    private sealed record PartnersDto(bool PairNeighbours, double Tau, double RnaTau, int InnerFolds, int Seed, List<string> Proteins, List<string> Rnas, string Pairs);
    private sealed record FileDto(string Kind, int FormatVersion, string FeatureLayout, List<ScoringModel.FileDto> Members, PartnersDto? Partners);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PartnersDto? partners = null;
        if (Profiles is { } pr)
        {
            // Pairs as little-endian int32 triples (protein, RNA, label) in base64: thousands of rows stay one line.
            var flat = pr.Pairs.SelectMany(t => new[] { t.Protein, t.Rna, t.Interacts ? 1 : 0 }).ToArray();
            partners = new PartnersDto(pr.Options.PairNeighbours, pr.Options.Tau, pr.Options.RnaTau, pr.Options.InnerFolds, pr.Options.Seed,
                pr.Proteins.ToList(), pr.Rnas.ToList(), Convert.ToBase64String(MemoryMarshal.AsBytes(flat.AsSpan())));
        }
        JsonFile.Save(path, new FileDto(PairModel.Kind, FormatVersion, FeatureLayout, Members.Select(m => m.ToDto()).ToList(), partners));
    }

    public static PairPredictor Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path}");
        var dto = JsonFile.TryLoad<FileDto>(path) ?? throw new InvalidDataException($"{path}: not a readable model file");
        if (dto.Kind != PairModel.Kind) throw new InvalidDataException($"{path}: model kind '{dto.Kind}', expected '{PairModel.Kind}'");
        if (dto.FormatVersion != FormatVersion || dto.Members == null)
        {
            // Format-1 files are a bare network file: no version field, so it reads as 0.
            var found = dto.FormatVersion == 0 ? "1 (a single network, before partner profiles)" : dto.FormatVersion.ToString();
            throw new InvalidDataException($"{path}: pair-model file format {found}; this build reads format {FormatVersion}; retrain it with datasets/train-rpi-models.sh");
        }
        PartnerProfiles? profiles = null;
        if (dto.Partners is { } p)
        {
            var bytes = Convert.FromBase64String(p.Pairs ?? "");
            if (bytes.Length % 12 != 0 || p.Proteins == null || p.Rnas == null) throw new InvalidDataException($"{path}: partner pairs are not (protein, RNA, label) triples");
            var flat = MemoryMarshal.Cast<byte, int>(bytes).ToArray();
            var pairs = Enumerable.Range(0, flat.Length / 3).Select(i => (flat[3 * i], flat[3 * i + 1], flat[3 * i + 2] == 1)).ToList();
            var options = new ProfileOptions { PairNeighbours = p.PairNeighbours, Tau = p.Tau, RnaTau = p.RnaTau, InnerFolds = p.InnerFolds, Seed = p.Seed };
            try { profiles = new PartnerProfiles(p.Proteins, p.Rnas, pairs, options); }
            catch (Exception e) when (e is ArgumentException or FormatException) { throw new InvalidDataException($"{path}: partner profiles: {e.Message}", e); }
        }
        var layout = PairModel.Layout(profiles?.Options);
        if (dto.FeatureLayout != layout)
            throw new InvalidDataException($"{path}: trained on feature layout '{dto.FeatureLayout}', this build computes '{layout}'; retrain it");
        var members = dto.Members.Select((m, i) => ScoringModel.FromDto(m, $"{path} network {i}", PairModel.Kind, layout)).ToList();
        return new PairPredictor(members, profiles);
    }
}
