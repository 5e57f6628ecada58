using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MolScreen.Ingest.Formats;

/// <summary>
/// Builds a record's compact JSON object of string properties, reusing one writer and buffer
/// across records so the only per-record allocation is the final string.
/// </summary>
internal sealed class PropertiesJsonBuilder
{
    // Relaxed escaping keeps non-ASCII names readable; the output is data, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;
    private int _count;

    public PropertiesJsonBuilder() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    /// <summary>Starts a new, empty object.</summary>
    public void Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _count = 0;
    }

    public void Add(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        _writer.WriteString(key, value);
        _count++;
    }

    public void AddNull(ReadOnlySpan<char> key)
    {
        _writer.WriteNull(key);
        _count++;
    }

    /// <summary>The finished object, or null when nothing was added.</summary>
    public string? Finish()
    {
        if (_count == 0)
            return null;
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
