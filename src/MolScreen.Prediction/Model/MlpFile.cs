using System.Text;

namespace MolScreen.Prediction.Model;

/// <summary>
/// MolScreen's own weight file: magic, format version, feature spec, shapes, scaling, then weights as
/// half floats (halving the committed size; the forward pass computes in float) and biases as floats,
/// closed by a SHA-256 of everything before it so truncation or corruption is caught on load.
/// </summary>
public static class MlpFile
{
    private static readonly byte[] Magic = "MSMLP\0\0\u0001"u8.ToArray();
    public const int FormatVersion = 1;

    public static void Write(string path, MlpNetwork net)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(net.FeatureSpecId);
            w.Write((int)net.Kind);
            w.Write(net.Dims.Length);
            foreach (int d in net.Dims) w.Write(d);
            foreach (var arr in new[] { net.DescriptorMean, net.DescriptorStd, net.OutputMean, net.OutputStd }) WriteFloats(w, arr);
            for (int l = 0; l < net.Layers; l++)
            {
                foreach (float v in net.Weights[l]) w.Write((Half)v);
                WriteFloats(w, net.Biases[l]);
            }
        }
        ChecksummedFile.Write(path, body.ToArray());
    }

    /// <summary>Rounds the weights to what <see cref="Write"/> stores, so metrics measured in memory match the file.</summary>
    public static void RoundToStored(MlpNetwork net)
    {
        foreach (var layer in net.Weights)
            for (int i = 0; i < layer.Length; i++) layer[i] = (float)(Half)layer[i];
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the file and what is wrong with it.</summary>
    public static MlpNetwork Read(string path, string expectedFeatureSpec)
    {
        var body = ChecksummedFile.Read(path, Magic, "MolScreen weight file");
        using var r = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
        r.ReadBytes(Magic.Length);
        int format = r.ReadInt32();
        if (format != FormatVersion) throw new InvalidDataException($"{path}: weight format {format}, this MolScreen reads format {FormatVersion}");
        var spec = r.ReadString();
        if (spec != expectedFeatureSpec)
            throw new InvalidDataException($"{path}: trained on features '{spec}' but this MolScreen computes '{expectedFeatureSpec}'; retrain the model with `molscreen train`");
        var kind = (OutputKind)r.ReadInt32();
        var dims = new int[r.ReadInt32()];
        for (int i = 0; i < dims.Length; i++) dims[i] = r.ReadInt32();
        if (dims.Length < 2 || dims.Any(d => d <= 0 || d > 1 << 20)) throw new InvalidDataException($"{path}: implausible layer widths {string.Join("x", dims)}");
        int descriptors = Features.FeatureSpec.Descriptors.Length, outputs = dims[^1];
        var net = new MlpNetwork
        {
            FeatureSpecId = spec, Kind = kind, Dims = dims,
            DescriptorMean = ReadFloats(r, descriptors), DescriptorStd = ReadFloats(r, descriptors),
            OutputMean = ReadFloats(r, outputs), OutputStd = ReadFloats(r, outputs),
            Weights = new float[dims.Length - 1][], Biases = new float[dims.Length - 1][],
        };
        for (int l = 0; l < dims.Length - 1; l++)
        {
            var wts = new float[dims[l] * dims[l + 1]];
            for (int i = 0; i < wts.Length; i++) wts[i] = (float)r.ReadHalf();
            net.Weights[l] = wts;
            net.Biases[l] = ReadFloats(r, dims[l + 1]);
        }
        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException($"{path}: {r.BaseStream.Length - r.BaseStream.Position} unexpected bytes after the last layer");
        if (dims[0] != Features.FeatureSpec.Width) throw new InvalidDataException($"{path}: input width {dims[0]}, the feature spec has {Features.FeatureSpec.Width}");
        return net;
    }

    private static void WriteFloats(BinaryWriter w, float[] values) { foreach (var v in values) w.Write(v); }

    private static float[] ReadFloats(BinaryReader r, int n)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.ReadSingle();
        return a;
    }
}
