using MolScreen.Interactions.Sequences;

namespace MolScreen.Interactions.Features;

/// <summary>
/// Protein descriptors: reduced-alphabet (conjoint-triad classes of Shen et al., PNAS 2007) 1-, 2- and 3-mer
/// frequencies (7 + 49 + 343), amino-acid composition (20) and a physicochemical summary (length, hydropathy,
/// charge, aromatic and Gly/Pro content). The 7 classes group residues by dipole and side-chain volume, the
/// properties that decide contacts with a polyanion such as RNA.
/// </summary>
public static class ProteinFeatures
{
    private static readonly string[] TriadClasses = ["AGV", "ILFP", "YMTS", "HNQW", "RK", "DE", "C"];
    public const int PhysicochemicalCount = 7;
    public static readonly int Length = 7 + 49 + 343 + 20 + PhysicochemicalCount;

    // Kyte & Doolittle (1982) hydropathy, in SequenceAlphabet.Amino order.
    private static readonly float[] Hydropathy =
        [1.8f, 2.5f, -3.5f, -3.5f, 2.8f, -0.4f, -3.2f, 4.5f, -3.9f, 3.8f, 1.9f, -3.5f, -1.6f, -3.5f, -4.5f, -0.8f, -0.7f, 4.2f, -0.9f, -1.3f];

    public static int TriadClass(char residue)
    {
        for (int c = 0; c < TriadClasses.Length; c++)
            if (TriadClasses[c].Contains(residue)) return c;
        return -1;
    }

    public static void Write(BioSequence protein, Span<float> into)
    {
        if (protein.Kind != SequenceKind.Protein) throw new ArgumentException($"'{protein.Name}' is not a protein sequence");
        into[..Length].Clear();
        var s = protein.Letters;
        var cls = new int[s.Length];
        for (int i = 0; i < s.Length; i++) cls[i] = TriadClass(s[i]);
        var one = into.Slice(0, 7);
        var two = into.Slice(7, 49);
        var three = into.Slice(56, 343);
        var aac = into.Slice(399, 20);
        var phys = into.Slice(419, PhysicochemicalCount);
        int n1 = 0, n2 = 0, n3 = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (cls[i] < 0) continue;
            one[cls[i]]++; n1++;
            if (i + 1 < s.Length && cls[i + 1] >= 0)
            {
                two[cls[i] * 7 + cls[i + 1]]++; n2++;
                if (i + 2 < s.Length && cls[i + 2] >= 0) { three[(cls[i] * 7 + cls[i + 1]) * 7 + cls[i + 2]]++; n3++; }
            }
        }
        Normalize(one, n1); Normalize(two, n2); Normalize(three, n3);
        int known = 0;
        float hyd = 0;
        foreach (var c in s)
        {
            var a = SequenceAlphabet.Amino.IndexOf(c);
            if (a < 0) continue;
            aac[a]++; known++; hyd += Hydropathy[a];
        }
        Normalize(aac, known);
        phys[0] = MathF.Log10(s.Length);
        phys[1] = known > 0 ? hyd / known : 0;
        phys[2] = Frac(aac, "RK");
        phys[3] = Frac(aac, "DE");
        phys[4] = Frac(aac, "RKH") - Frac(aac, "DE");
        phys[5] = Frac(aac, "FWY");
        phys[6] = Frac(aac, "GP");
    }

    private static float Frac(ReadOnlySpan<float> composition, string letters)
    {
        float f = 0;
        foreach (var c in letters) f += composition[SequenceAlphabet.Amino.IndexOf(c)];
        return f;
    }

    private static void Normalize(Span<float> v, int n)
    {
        if (n == 0) return;
        for (int i = 0; i < v.Length; i++) v[i] /= n;
    }
}
