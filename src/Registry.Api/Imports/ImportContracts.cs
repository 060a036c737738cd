using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Registry.Data.Import;

namespace Registry.Api.Imports;

public sealed record ImportQuery
{
    [FromQuery(Name = "dryRun")]
    [Description("Check the file and report what would happen; write nothing.")]
    public bool? DryRun { get; init; }

    [FromQuery(Name = "skipInvalid")]
    [Description("Write the valid rows and report the bad ones, instead of refusing the whole file.")]
    public bool? SkipInvalid { get; init; }
}

/// <summary>What an import did (or would do). A state-secret row shows only its line and the reason.</summary>
/// <param name="Committed">True when rows were written; false on a dry run or when the file was refused.</param>
/// <param name="Summary">One sentence, Vietnamese then English.</param>
public sealed record ImportReportResponse(
    int Rows, int Created, int Updated, int Unchanged, int Rejected, bool Committed, bool DryRun, string Summary,
    IReadOnlyList<RejectedRowResponse> RejectedRows)
{
    public static ImportReportResponse From(ImportReport report) => new(
        report.Rows, report.Created, report.Updated, report.Unchanged, report.Rejected, report.Committed, report.DryRun, report.Summary,
        report.RejectedRows.Select(r => new RejectedRowResponse(r.Line, r.Code, r.Reasons)).ToList());
}

/// <param name="Line">Line (JSON Lines) or spreadsheet row number.</param>
/// <param name="Code">The row's code; absent for state-secret rows, of which nothing is kept.</param>
public sealed record RejectedRowResponse(int Line, string? Code, IReadOnlyList<string> Reasons);

/// <summary>A background import and, once finished, its report.</summary>
/// <param name="Status">queued, running, succeeded (see the report for what was written) or failed (see error).</param>
/// <param name="TotalRows">Rows in the file; null until the first pass over the file has counted them.</param>
public sealed record ImportJobResponse(
    string Id,
    string Status,
    string Format,
    string? FileName,
    bool DryRun,
    bool SkipInvalid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int ProcessedRows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? TotalRows,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    ImportReportResponse? Report,
    ImportJobError? Error);

/// <param name="Kind">The file problem's kind (encoding, unknownColumn, …) or "internal".</param>
public sealed record ImportJobError(string Kind, string Detail);
