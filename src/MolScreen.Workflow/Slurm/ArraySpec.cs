using System.Globalization;
using System.Text;

namespace MolScreen.Workflow.Slurm;

/// <summary>SLURM array index lists: "0-7,9,12-13" (with an optional "%K" throttle) to and from shard sets.</summary>
public static class ArraySpec
{
    public static string Format(IReadOnlyList<int> shards)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < shards.Count;)
        {
            int j = i;
            while (j + 1 < shards.Count && shards[j + 1] == shards[j] + 1) j++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(shards[i]);
            if (j > i) sb.Append('-').Append(shards[j]);
            i = j + 1;
        }
        return sb.ToString();
    }

    /// <summary>Parses "3", "0-7%2", "1,4-6" (the throttle is ignored); null for anything else.</summary>
    public static List<int>? Parse(string spec)
    {
        var body = spec.Split('%')[0];
        var result = new List<int>();
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (!int.TryParse(range[0], CultureInfo.InvariantCulture, out var lo)) return null;
            var hi = lo;
            if (range.Length == 2 && !int.TryParse(range[1], CultureInfo.InvariantCulture, out hi)) return null;
            if (range.Length > 2 || hi < lo) return null;
            for (int k = lo; k <= hi; k++) result.Add(k);
        }
        return result;
    }
}
