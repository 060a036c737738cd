using Registry.Data.Abstractions;

namespace Registry.Api.Tasks;

/// <summary>The words for each successful write, so clients and curators see what happened.</summary>
internal static class TaskOutcomes
{
    public static TaskWriteResponse Created(StoredTask task) =>
        new("created", "Đã tạo nhiệm vụ (task created).", TaskViews.ForCurator(task));

    public static TaskWriteResponse Updated(WriteResult result) => result.Status == WriteStatus.Unchanged
        ? new("unchanged", "Nội dung không thay đổi; không có gì được ghi (content unchanged; nothing was written).", TaskViews.ForCurator(result.Task!))
        : new("updated", "Đã cập nhật nhiệm vụ (task updated).", TaskViews.ForCurator(result.Task!));

    public static TaskWriteResponse Published(WriteResult result) => result.Status == WriteStatus.Unchanged
        ? new("unchanged", "Nhiệm vụ đã được công bố từ trước (task was already published).", TaskViews.ForCurator(result.Task!))
        : new("published", "Đã công bố nhiệm vụ (task published).", TaskViews.ForCurator(result.Task!));

    public static TaskWriteResponse Withdrawn(WriteResult result) => result.Status == WriteStatus.Unchanged
        ? new("unchanged", "Nhiệm vụ đã được rút từ trước (task was already withdrawn).", TaskViews.ForCurator(result.Task!))
        : new("withdrawn", "Đã rút nhiệm vụ khỏi cơ sở dữ liệu công khai (task withdrawn from the public registry).", TaskViews.ForCurator(result.Task!));
}
