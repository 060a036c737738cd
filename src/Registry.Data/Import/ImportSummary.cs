namespace Registry.Data.Import;

/// <summary>Builds the report and its one-sentence human summary, Vietnamese first.</summary>
internal static class ImportSummary
{
    public static ImportReport Refused(PassTally check)
    {
        var n = check.Rejected.Count;
        var summary = $"Không ghi bản ghi nào: {n} trong {check.Rows} dòng có lỗi; hãy sửa các dòng này rồi nhập lại " +
                      $"(nothing was written: {n} of {check.Rows} rows have errors; fix them and import again, " +
                      "or import with skipInvalid to write only the valid rows)";
        return new ImportReport(check.Rows, 0, 0, 0, n, Committed: false, DryRun: false, Sorted(check), summary);
    }

    public static ImportReport Report(PassTally t, bool committed, bool dryRun)
    {
        var r = t.Rejected.Count;
        string summary;
        if (dryRun)
            summary = $"Chạy thử, chưa ghi gì: sẽ thêm mới {t.Created}, cập nhật {t.Updated}, giữ nguyên {t.Unchanged}, từ chối {r} dòng " +
                      $"(dry run, nothing written: would create {t.Created}, update {t.Updated}, leave {t.Unchanged} unchanged, reject {r})";
        else if (t.Created == 0 && t.Updated == 0 && r == 0)
            summary = $"Không có thay đổi: {t.Unchanged} bản ghi đã có, giống hệt (no changes: {t.Unchanged} records already present and identical)";
        else
            summary = $"Đã nhập: thêm mới {t.Created}, cập nhật {t.Updated}, giữ nguyên {t.Unchanged}, bỏ qua {r} dòng lỗi " +
                      $"(imported: {t.Created} created, {t.Updated} updated, {t.Unchanged} unchanged, {r} rows skipped)";
        return new ImportReport(t.Rows, t.Created, t.Updated, t.Unchanged, r, committed, dryRun, Sorted(t), summary);
    }

    private static List<RejectedRow> Sorted(PassTally t) => t.Rejected.OrderBy(x => x.Line).ToList();
}
