using System.Security.Cryptography;
using System.Text;
using MolScreen.Core.IO;
using MolScreen.Core.Shards;
using MolScreen.Core.Stages;
using MolScreen.Ingest.Formats;
using Parquet.Schema;

namespace MolScreen.Ingest;

/// <summary>
/// The first stage of every screen: streams compound records from SMILES, CSV/TSV, SDF and Parquet
/// files (optionally gzip-compressed), gives each a stable id (source file stem + record index), and
/// passes valid records on in input order. Malformed records become rejects with the reason.
/// </summary>
public sealed class IngestStage : ISourceStage
{
    public string Kind => "ingest";
    public string Description => "Read compound libraries (SMILES/CSV/TSV/SDF/Parquet, optionally .gz) into records with stable ids";
    public string Version => "1";
    public StageShape Shape => StageShape.Source;

    public static readonly ParquetSchema Schema = new(
        new DataField("id", typeof(string), false),
        new DataField("source", typeof(string), false),
        new DataField("record_index", typeof(long), false),
        new DataField("name", typeof(string), true),
        new DataField("format", typeof(string), false),
        new DataField("structure", typeof(string), false),
        new DataField("properties", typeof(string), true));

    // 8,192 rows keep each column buffer under the 85 KB large-object threshold: the GC then reclaims
    // them in cheap gen0 collections instead of piling them up until a full collection.
    private const int RowGroupRows = 8_192;

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("format", ParameterType.String, "auto", "Input format; auto detects it from the file extension (looking through .gz)")
            { Choices = ["auto", "smiles", "csv", "tsv", "sdf", "parquet"], PerInput = true },
        new("smiles_column", ParameterType.String, "smiles", "CSV/TSV/Parquet column holding the SMILES (case-insensitive)") { PerInput = true },
        new("name_column", ParameterType.String, null, "CSV/TSV/Parquet column holding the compound name (default: name, id, title, compound_id or mol_id if present)") { PerInput = true },
        new("name_field", ParameterType.String, null, "SDF data item holding the compound name (default: the molblock title line)") { PerInput = true },
        new("header", ParameterType.String, "auto", "Whether SMILES/CSV/TSV files start with a header line") { Choices = ["auto", "yes", "no"], PerInput = true },
        new("id_prefix", ParameterType.String, null, "Prefix of compound ids (default: the file name without extensions); set it per input when files share a name")
            { PerInput = true, ItemCheck = CheckIdPrefix },
        new("max_record_bytes", ParameterType.Integer, 1L << 20, "Records longer than this are rejected without being loaded") { Min = 1024, Max = 1L << 30, PerInput = true },
    ];

    public static InputOptions OptionsFor(StageParameters p) => new()
    {
        Format = p.GetString("format") switch
        {
            "smiles" => InputFormat.Smiles, "csv" or "tsv" => InputFormat.Delimited,
            "sdf" => InputFormat.Sdf, "parquet" => InputFormat.Parquet, _ => null,
        },
        Delimiter = p.GetString("format") switch { "csv" => ',', "tsv" => '\t', _ => null },
        HasHeader = p.GetString("header") switch { "yes" => true, "no" => false, _ => null },
        SmilesColumn = p.GetString("smiles_column") ?? "smiles",
        NameColumn = p.GetString("name_column"),
        NameField = p.GetString("name_field"),
        MaxRecordBytes = (int)p.GetInt("max_record_bytes"),
    };

    /// <summary>The id prefix of an input: `id_prefix` if set, else the file name without format and .gz extensions.</summary>
    public static string IdPrefix(SourceInput input)
    {
        var prefix = input.Parameters.GetString("id_prefix") ?? SourceStem(input.Path);
        return CheckIdPrefix(prefix) is { } bad ? throw new InputFormatException(input.Path, bad + "; set id_prefix for this input") : prefix;
    }

    /// <summary>
    /// Compound ids become SD titles, report rows and terminal output: a prefix is one printable word,
    /// so no id can carry a line break or terminal escape that ends or forges a record downstream.
    /// </summary>
    public static string? CheckIdPrefix(string prefix) =>
        prefix.Length is >= 1 and <= MaxIdPrefixLength && !SafeText.HasControl(prefix) ? null
            : $"id prefix '{SafeText.ForDisplay(prefix)}' must be 1 to {MaxIdPrefixLength} characters without control characters or line breaks";

    public const int MaxIdPrefixLength = 255;

    public static string SourceStem(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    public SourceIndex BuildIndex(IReadOnlyList<SourceInput> inputs, int shardSize, CancellationToken ct)
    {
        var clash = inputs.GroupBy(IdPrefix).FirstOrDefault(g => g.Count() > 1);
        if (clash != null)
            throw new InputFormatException(clash.First().Path, $"inputs {string.Join(" and ", clash.Select(i => i.Path))} would give the same compound ids ('{clash.Key}:N'); give them distinct id_prefix values");

        var builder = new ShardIndexBuilder(shardSize);
        var fingerprints = new List<InputFingerprint>();
        for (int f = 0; f < inputs.Count; f++)
        {
            using var reader = RecordReaderFactory.Open(inputs[f].Path, OptionsFor(inputs[f].Parameters));
            builder.BeginFile(f, Path.GetFileName(inputs[f].Path), reader.HeaderBytes);
            long n = 0;
            foreach (var rec in reader.Read(0, 0))
            {
                if ((n & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                builder.Add(rec);
                n++;
            }
            fingerprints.Add(InputFingerprint.Of(inputs[f].Path, n));
        }
        return new SourceIndex("", shardSize, fingerprints, builder.Finish());
    }

    public async Task<ShardResult> RunShardAsync(ShardContext ctx, IReadOnlyList<SourceInput> inputs, SourceShard shard, string dataPath)
    {
        await using var writer = await TableWriter.CreateAsync(dataPath, Schema);
        var rows = new IngestRows(RowGroupRows);
        long read = 0;
        foreach (var seg in shard.Segments)
        {
            var input = inputs[seg.Input];
            var source = Path.GetFileName(input.Path);
            var stem = IdPrefix(input);
            using var reader = RecordReaderFactory.Open(input.Path, OptionsFor(input.Parameters));
            long taken = 0;
            foreach (var rec in reader.Read(seg.StartRecord, seg.StartByte))
            {
                if (taken == seg.Count) break;
                taken++; read++;
                if ((read & 0xFFF) == 0) ctx.Cancellation.ThrowIfCancellationRequested();
                var id = $"{stem}:{rec.RecordIndex}";
                if (rec.RejectReason != null || rec.Structure == null)
                {
                    ctx.Rejects.Add(new Reject(id, source, rec.RecordIndex, Reject.RawPreview(rec.Raw.Span), ctx.StageName, rec.RejectReason ?? "no structure"));
                    continue;
                }
                rows.Add(id, source, rec);
                if (rows.Count == RowGroupRows) { await writer.WriteRowGroupAsync(rows.ToColumns()); rows.Clear(); }
            }
            if (taken != seg.Count)
                throw new InvalidDataException($"{input.Path}: expected {seg.Count} records from record {seg.StartRecord}, found {taken} (file changed since it was indexed?)");
        }
        if (rows.Count > 0) await writer.WriteRowGroupAsync(rows.ToColumns());
        var written = writer.RowsWritten;
        return new ShardResult(read, written, await writer.CommitAsync());
    }

    /// <summary>Column buffers for one row group of ingest output.</summary>
    private sealed class IngestRows(int capacity)
    {
        private readonly List<string?> _id = new(capacity), _source = new(capacity), _name = new(capacity),
            _format = new(capacity), _structure = new(capacity), _props = new(capacity);
        private readonly List<long> _index = new(capacity);
        public int Count => _id.Count;

        public void Add(string id, string source, SourceRecord r)
        {
            _id.Add(id); _source.Add(source); _index.Add(r.RecordIndex); _name.Add(r.Name);
            _format.Add(r.Format); _structure.Add(r.Structure); _props.Add(r.PropertiesJson);
        }

        public void Clear()
        {
            _id.Clear(); _source.Clear(); _index.Clear(); _name.Clear(); _format.Clear(); _structure.Clear(); _props.Clear();
        }

        public ColumnData[] ToColumns()
        {
            var f = Schema.DataFields;
            return [new(f[0], _id.ToArray()), new(f[1], _source.ToArray()), new(f[2], _index.ToArray()), new(f[3], _name.ToArray()),
                    new(f[4], _format.ToArray()), new(f[5], _structure.ToArray()), new(f[6], _props.ToArray())];
        }
    }

    /// <summary>
    /// Cuts the record stream into shards of fixed size and hashes each shard's raw records (with the
    /// file name and header they were read under), so a shard's identity changes only with its own records.
    /// </summary>
    private sealed class ShardIndexBuilder(int shardSize)
    {
        private readonly List<SourceShard> _shards = new();
        private readonly List<SourceSegment> _segments = new();
        private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _inShard;
        private int _file = -1;
        private string _fileName = "";
        private byte[] _header = [];
        private SourceSegment? _open;
        private readonly byte[] _scratch = new byte[16];

        public void BeginFile(int file, string fileName, byte[] header)
        {
            CloseSegment();
            _file = file; _fileName = fileName; _header = header;
        }

        public void Add(SourceRecord rec)
        {
            if (_open == null)
            {
                _open = new SourceSegment(_file, rec.RecordIndex, rec.ByteOffset, 0);
                _hash.AppendData(Encoding.UTF8.GetBytes(_fileName + "\n"));
                _hash.AppendData(_header);
            }
            BitConverter.TryWriteBytes(_scratch.AsSpan(0, 8), rec.RecordIndex);
            BitConverter.TryWriteBytes(_scratch.AsSpan(8, 8), rec.RawLength);
            _hash.AppendData(_scratch);
            _hash.AppendData(rec.Raw.Span);
            _open = _open with { Count = _open.Count + 1 };
            if (++_inShard == shardSize) CloseShard();
        }

        private void CloseSegment()
        {
            if (_open != null) _segments.Add(_open);
            _open = null;
        }

        private void CloseShard()
        {
            CloseSegment();
            if (_inShard == 0) return;
            _shards.Add(new SourceShard(_shards.Count, _inShard, Convert.ToHexStringLower(_hash.GetHashAndReset()), _segments.ToList()));
            _segments.Clear();
            _inShard = 0;
        }

        public List<SourceShard> Finish()
        {
            CloseShard();
            _hash.Dispose();
            return _shards;
        }
    }
}
