namespace Registry.Data.Import;

/// <summary>Progress of an import, once per batch: rows read and handed to the store so far.</summary>
/// <param name="Phase"><c>writing</c> while batches are written into the import's transaction; <c>checking</c> on a dry
/// run and after an all-or-nothing import met a rejected row (the rest is only checked, then nothing is written).</param>
public sealed record ImportProgress(string Phase, int RowsRead, int RowsDone);

/// <summary>A row that was not imported, with every reason. A state-secret row carries no code.</summary>
public sealed record RejectedRow(int Line, string? Code, IReadOnlyList<string> Reasons);

/// <summary>What an import did (or, on a dry run or a refused file, would have done).</summary>
/// <param name="Committed">True when the rows were written: every row, or every valid row with skipInvalid.
/// False on a dry run and when an all-or-nothing import was refused because of bad rows.</param>
/// <param name="Summary">One sentence for people, Vietnamese first, English in parentheses.</param>
public sealed record ImportReport(
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    int Rejected,
    bool Committed,
    bool DryRun,
    IReadOnlyList<RejectedRow> RejectedRows,
    string Summary);
