using Registry.Data.Abstractions;
using Records = Registry.Data.Records;

namespace Registry.Data.Validation;

/// <summary>
/// A task leaves the public registry only with a reason, which its tombstone shows. Content writes (REST PUT/POST,
/// GraphQL, import rows of every format) carry no reason, so they may keep a withdrawn task withdrawn but never
/// withdraw one; withdrawing goes through the withdraw operation, which requires the reason.
/// </summary>
public static class WithdrawalRule
{
    public const string Message =
        "Không thể rút nhiệm vụ bằng cách sửa nội dung; hãy dùng POST /api/v1/tasks/{id}/withdraw kèm lý do " +
        "(a content write cannot withdraw a task: use POST /api/v1/tasks/{id}/withdraw with {\"reason\": \"…\"}; " +
        "an import row may not set visibility withdrawn / Thu hồi either)";

    /// <summary>The refusal when <paramref name="requested"/> would withdraw a task now <paramref name="current"/> (null: new).</summary>
    public static FieldError? Check(Records.Visibility? current, Records.Visibility? requested) =>
        requested == Records.Visibility.Withdrawn && current != Records.Visibility.Withdrawn
            ? new FieldError("visibility", Message)
            : null;
}
