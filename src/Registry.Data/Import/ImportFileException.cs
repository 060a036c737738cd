namespace Registry.Data.Import;

/// <summary>Machine-readable kinds of file-level import problems; the API maps them to 400, 413 or 415.</summary>
public static class ImportFileErrorKind
{
    public const string Encoding = "encoding";
    public const string MalformedFile = "malformedFile";
    public const string UnknownColumn = "unknownColumn";
    public const string MissingColumn = "missingColumn";
    public const string DuplicateColumn = "duplicateColumn";
    public const string TooLarge = "tooLarge";
    public const string Empty = "empty";
    public const string UnsupportedFormat = "unsupportedFormat";
    /// <summary>A formula where only a typed value can be trusted (the classification column).</summary>
    public const string Formula = "formula";
}

/// <summary>
/// A problem with the whole file (not one row): wrong encoding, not a workbook, unknown or missing columns, too many
/// rows, empty. The message is Vietnamese first, English in parentheses; nothing has been written when it is thrown.
/// </summary>
public sealed class ImportFileException(string kind, string message) : Exception(message)
{
    /// <summary>One of <see cref="ImportFileErrorKind"/>.</summary>
    public string Kind { get; } = kind;

    /// <summary>The HTTP status the API answers with: 413 too many rows, 415 unreadable file, 400 otherwise.</summary>
    public int SuggestedStatusCode => Kind switch
    {
        ImportFileErrorKind.TooLarge => 413,
        ImportFileErrorKind.Encoding or ImportFileErrorKind.MalformedFile or ImportFileErrorKind.UnsupportedFormat => 415,
        _ => 400,
    };
}
