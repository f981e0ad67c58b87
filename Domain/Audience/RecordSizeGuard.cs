namespace CampaignFlows.Domain;

/// <summary>A reader that refuses a CSV record longer than a limit, so a stray quote cannot pull a whole file into memory.</summary>
/// <remarks>
/// Quotes toggle the quoted state (a doubled quote toggles twice, so escapes balance); a line break outside
/// quotes ends a record. The CSV parser buffers a record whole, and an unterminated quote makes the rest of the
/// file one record: this guard stops that at <c>maxRecordLength</c> characters.
/// The caller keeps owning the inner reader: disposing the guard does not close it.
/// </remarks>
internal sealed class RecordSizeGuard(TextReader inner, int maxRecordLength) : TextReader
{
    private bool _quoted;
    private long _recordLength;
    private long _line = 1;
    private long _recordStartLine = 1;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Observe((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        foreach (var c in buffer[..read])
        {
            Observe(c);
        }

        return read;
    }

    private void Observe(char c)
    {
        if (c == '\n')
        {
            _line++;
        }

        if (c == '"')
        {
            _quoted = !_quoted;
        }
        else if (c == '\n' && !_quoted)
        {
            _recordLength = 0;
            _recordStartLine = _line;
            return;
        }

        if (++_recordLength > maxRecordLength)
        {
            throw new DomainValidationException(
                "audience",
                $"line {_recordStartLine}: a row is longer than {maxRecordLength:N0} characters; is a quote left open?");
        }
    }
}
