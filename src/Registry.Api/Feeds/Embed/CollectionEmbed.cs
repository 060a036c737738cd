using System.Text;
using Registry.Data;
using Registry.Data.Collections;

using static Registry.Api.Web.Rendering.Html;

namespace Registry.Api.Feeds.Embed;

/// <summary>
/// <c>/embed/collections/{id}</c>: a collection as a framable card list in the embeds' own style (published tasks,
/// in order). A malformed id shows a 400 card, an unknown one a 404 card: the host page's readers see the frame.
/// </summary>
public static class CollectionEmbed
{
    public static async Task<IResult> Get(string id, HttpContext http, ICollectionStore store, PublicUrls urls, CancellationToken ct)
    {
        var baseUrl = urls.Base(http.Request);
        if (!PublicIds.IsWellFormed(id, 'c'))
        {
            return EmbedHandlers.Framable(http, EmbedHtml.Notice(BadId(), baseUrl), StatusCodes.Status400BadRequest);
        }
        if (await store.FindAsync(id, ct: ct) is not { } collection)
        {
            return EmbedHandlers.Framable(http, EmbedHtml.Notice(NotFound(), baseUrl), StatusCodes.Status404NotFound);
        }

        var page = $"{baseUrl}/collections/{Uri.EscapeDataString(collection.Id)}";
        var heading = $"{collection.Title} ({collection.Date:dd/MM/yyyy})";
        return EmbedHandlers.Framable(http, EmbedHtml.List(heading, collection.Items.Select(i => i.Task).ToList(), baseUrl, page, collection.TaskCount));
    }

    private static EmbedNotice BadId() => new(
        "Không hiển thị được bộ sưu tập (the collection cannot be shown)",
        "Mã bộ sưu tập trong địa chỉ nhúng không đúng dạng; người quản trị trang cần sửa lại (the collection id in the embed address is malformed; the site's editor needs to fix it).",
        ["Mã bộ sưu tập có dạng c + 12 ký tự, ví dụ c0123456789ab (a collection id is c followed by 12 characters)"]);

    private static EmbedNotice NotFound() => new(
        "Không tìm thấy bộ sưu tập (collection not found)",
        "Không có bộ sưu tập với mã này; có thể bộ sưu tập đã bị xóa hoặc địa chỉ nhúng bị sai (no collection has this id; it may have been deleted or the embed address is wrong).",
        []);
}
