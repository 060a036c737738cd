using Registry.Data.Records;

namespace Registry.Data.Validation;

/// <summary>Invariant 1: a record classified Mật, Tối mật or Tuyệt mật never enters (Law 29/2018/QH14).</summary>
public static class StateSecretGuard
{
    /// <summary>The refusal every entrance gives; it names nothing of the record.</summary>
    public const string RefusalMessage =
        "Bản ghi thuộc danh mục bí mật nhà nước: không được tiếp nhận (state secret: refused)";

    public static bool IsClassified(TaskRecord record) =>
        record.SecurityClassification is { } level && level != SecurityClassification.None;
}
