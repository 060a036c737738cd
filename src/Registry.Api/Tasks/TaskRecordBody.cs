using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Problems;
using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>
/// The body of POST and PUT /api/v1/tasks, read by <see cref="RecordJsonReader"/> before the handler runs, so a
/// state secret answers 422 whatever else is wrong with the body (other fields are never described), and
/// duplicate or unknown properties answer 400 by path. Nothing of the body is logged or echoed.
/// </summary>
public sealed class TaskRecordBody
{
    private TaskRecordBody(TaskRecord? record, ProblemHttpResult? problem) => (Record, Problem) = (record, problem);

    public TaskRecord? Record { get; }

    /// <summary>Set when the body was refused; the handler answers with it as is.</summary>
    public ProblemHttpResult? Problem { get; }

    public static async ValueTask<TaskRecordBody?> BindAsync(HttpContext context)
    {
        var (body, problem) = await JsonBodies.ReadAsync(context);
        if (problem is not null) return new TaskRecordBody(null, problem);
        var read = RecordJsonReader.Read(body);
        if (read.StateSecret) return new TaskRecordBody(null, ApiProblems.StateSecret());
        return read.Record is { } record
            ? new TaskRecordBody(record, null)
            : new TaskRecordBody(null, ApiProblems.Validation(read.Errors));
    }
}
