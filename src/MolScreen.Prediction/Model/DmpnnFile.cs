using System.Text;
using MolScreen.Learning;
using MolScreen.Prediction.Graph;
using MolScreen.Prediction.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MolScreen.Prediction.Model;

/// <summary>
/// MolScreen's weight file for a D-MPNN member: magic, format version, graph feature spec, output kind, network
/// shape, scaling (float32), then every parameter by name with its shape and half-float values (as the MLP's file:
/// half the committed size), closed by a SHA-256 of everything before it so truncation or corruption is caught on
/// load (libtorch's own pickle format would fail deep inside native code with a message that names no file). The
/// trainer rounds the parameters to half before it scores the model (<see cref="RoundToStored"/>), so a reloaded
/// member predicts bit for bit what the trained one did.
/// </summary>
public static class DmpnnFile
{
    private static readonly byte[] Magic = "MSDMPNN\u0001"u8.ToArray();
    public const int FormatVersion = 1;

    public static void Write(string path, DmpnnNetwork net)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(net.FeatureSpecId);
            w.Write((int)net.Kind);
            var s = net.Shape;
            foreach (int v in new[] { s.Hidden, s.Depth, s.Ffn, s.Outputs, s.Descriptors }) w.Write(v);
            foreach (var arr in new[] { net.DescriptorMean, net.DescriptorStd, net.OutputMean, net.OutputStd })
                foreach (var v in arr) w.Write(v);
            var parameters = net.Module.named_parameters().ToList();
            w.Write(parameters.Count);
            foreach (var (name, p) in parameters)
            {
                w.Write(name);
                w.Write(p.shape.Length);
                foreach (long d in p.shape) w.Write(d);
                using var host = p.detach().cpu().contiguous();
                foreach (var v in host.data<float>()) w.Write((Half)v);
            }
        }
        ChecksummedFile.Write(path, body.ToArray());
    }

    /// <summary>Rounds the member's parameters to what <see cref="Write"/> stores, so metrics measured in memory match the file.</summary>
    public static void RoundToStored(DmpnnNetwork net)
    {
        using var _ = no_grad();
        foreach (var p in net.Module.parameters())
        {
            using var rounded = p.to_type(ScalarType.Float16).to_type(ScalarType.Float32);
            p.copy_(rounded);
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the file and what is wrong with it.</summary>
    public static DmpnnNetwork Read(string path, string expectedFeatureSpec)
    {
        var body = ChecksummedFile.Read(path, Magic, "MolScreen D-MPNN weight file");
        using var r = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
        r.ReadBytes(Magic.Length);
        int format = r.ReadInt32();
        if (format != FormatVersion) throw new InvalidDataException($"{path}: D-MPNN weight format {format}, this MolScreen reads format {FormatVersion}");
        var spec = r.ReadString();
        if (spec != expectedFeatureSpec)
            throw new InvalidDataException($"{path}: trained on features '{spec}' but this MolScreen computes '{expectedFeatureSpec}'; retrain the model with `molscreen train --arch dmpnn`");
        var kind = (OutputKind)r.ReadInt32();
        var shape = new DmpnnShape(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        if (new[] { shape.Hidden, shape.Ffn, shape.Outputs }.Any(v => v <= 0 || v > 1 << 16) || shape.Depth is < 0 or > 64
            || shape.Descriptors != Features.FeatureSpec.Descriptors.Length)
            throw new InvalidDataException($"{path}: implausible network shape {shape}");
        float[] Floats(int n) { var a = new float[n]; for (int i = 0; i < n; i++) a[i] = r.ReadSingle(); return a; }
        var dMean = Floats(shape.Descriptors); var dStd = Floats(shape.Descriptors);
        var oMean = Floats(shape.Outputs); var oStd = Floats(shape.Outputs);
        TorchRuntime.EnsureLoaded();
        var module = new TorchDmpnn(shape, 0);
        try
        {
            var parameters = module.named_parameters().ToList();
            int count = r.ReadInt32();
            if (count != parameters.Count) throw new InvalidDataException($"{path}: {count} parameter tensors, the network has {parameters.Count}");
            using (no_grad())
                foreach (var (name, p) in parameters)
                {
                    var stored = r.ReadString();
                    var dims = new long[r.ReadInt32()];
                    for (int i = 0; i < dims.Length; i++) dims[i] = r.ReadInt64();
                    if (stored != name || !dims.SequenceEqual(p.shape))
                        throw new InvalidDataException($"{path}: parameter '{stored}' [{string.Join("x", dims)}] where the network has '{name}' [{string.Join("x", p.shape)}]");
                    var values = new float[checked((int)dims.Aggregate(1L, (a, b) => a * b))];
                    for (int i = 0; i < values.Length; i++) values[i] = (float)r.ReadHalf();
                    if (values.Any(v => !float.IsFinite(v))) throw new InvalidDataException($"{path}: parameter '{name}' holds non-finite values");
                    using var t = tensor(values, dims);
                    p.copy_(t);
                }
            if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException($"{path}: {r.BaseStream.Length - r.BaseStream.Position} unexpected bytes after the last parameter");
        }
        catch (EndOfStreamException)
        {
            module.Dispose();
            throw new InvalidDataException($"{path}: the weight file ends early");
        }
        catch
        {
            module.Dispose();
            throw;
        }
        module.to(TorchRuntime.Resolve(DeviceChoice.Auto));
        module.eval();
        return new DmpnnNetwork
        {
            FeatureSpecId = spec, Kind = kind, Shape = shape, Module = module,
            DescriptorMean = dMean, DescriptorStd = dStd, OutputMean = oMean, OutputStd = oStd,
        };
    }
}
