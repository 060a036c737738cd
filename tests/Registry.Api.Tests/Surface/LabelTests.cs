using Registry.Api.Exports;
using Registry.Api.Feeds.Embed;
using Registry.Api.Feeds.Oai;
using Registry.Api.Web.Localization;
using Registry.Data.Records;
using Registry.Search.Model;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Tests.Surface;

/// <summary>Every surface names a field and an enum value the way its one declaration does.</summary>
public sealed class LabelTests
{
    [Fact]
    public void Pages_show_the_labels_of_the_one_enum_table()
    {
        Assert.Equal(new UiString("Dự án khoa học và công nghệ", "Science and technology project"), EnumText.Of(TaskKind.ScienceTechnologyProject));
        Assert.Equal(new UiString("Cấp tỉnh", "Provincial"), EnumText.OfKey<TaskLevel>("provincial"));
        Assert.Null(EnumText.OfKey<TaskLevel>("galactic"));
    }

    [Fact]
    public void Pages_show_the_declared_field_labels()
    {
        Assert.Equal(UiString.From(RecordFields.Code.Label), T.Code);
        Assert.Equal(UiString.From(RecordFields.Kind.Label), T.FacetKind);
        Assert.Equal(UiString.From(OrganizationFields.Province.Label), T.Province);
    }

    [Fact]
    public void Search_facet_names_agree_with_the_one_enum_table()
    {
        Assert.All(EnumLabels.Level.Entries, e => Assert.Equal(e.Label.Vi, SearchFacets.Level.DisplayName(e.Key)));
        Assert.All(EnumLabels.Kind.Entries, e => Assert.Equal(e.Label.Vi, SearchFacets.Kind.DisplayName(e.Key)));
        Assert.All(EnumLabels.Status.Entries, e => Assert.Equal(e.Label.Vi, SearchFacets.Status.DisplayName(e.Key)));
        Assert.Equal("Cấp tỉnh", SearchFacets.Level.DisplayName("provincial"));
        Assert.Equal("galactic", SearchFacets.Level.DisplayName("galactic"));
    }

    [Fact]
    public void Oai_sets_are_named_and_read_by_the_one_enum_table()
    {
        var sets = OaiSets.All().ToList();
        Assert.Contains(("level:provincial", "Cấp tỉnh"), sets);
        Assert.Contains(("status:resultsRegistered", "Đã đăng ký kết quả"), sets);
        Assert.Equal(EnumLabels.Level.Entries.Count + EnumLabels.Status.Entries.Count, sets.Count(s => s.Spec.StartsWith("level:") || s.Spec.StartsWith("status:")));
        Assert.Equal(new OaiSetFilter(null, TaskLevel.Provincial, null), OaiSets.Parse("level:provincial"));
        Assert.Equal(new OaiSetFilter(null, null, TaskStatus.InProgress), OaiSets.Parse("status:inProgress"));
        Assert.Null(OaiSets.Parse("level:Provincial"));
        Assert.Null(OaiSets.Parse("status:galactic"));
        Assert.Equal(["field:4", "field:401", "level:grassroots", "status:applied"], OaiSets.Of(["40101"], TaskLevel.Grassroots, TaskStatus.Applied));
    }

    [Fact]
    public void Oai_records_and_embeds_write_Vietnamese_labels()
    {
        var record = new TaskRecord
        {
            Id = "t_1", Code = "ĐT-1", Title = "Giống chè", Kind = TaskKind.PilotProductionProject, Status = TaskStatus.Accepted,
        };
        var dc = OaiMetadata.DublinCore(record, "https://example.org");
        Assert.Contains(dc.Elements(OaiMetadata.Dc + "type"), e => e.Value == "Dự án sản xuất thử nghiệm");
        var cerif = OaiMetadata.CerifProject(record, "https://example.org");
        Assert.Equal("accepted", cerif.Element(OaiMetadata.Cerif + "Status")?.Value);
        Assert.Contains("Đã nghiệm thu", System.Net.WebUtility.HtmlDecode(EmbedHtml.Single(record, "https://example.org")));
    }

    [Fact]
    public async Task Csv_export_header_is_the_declared_import_headers_in_order()
    {
        var writer = new StringWriter();
        await CsvExportWriter.WriteHeaderAsync(writer);
        var expected = string.Join(",", RecordFields.Columns.Where(c => c.Exported).Select(c => CsvExportWriter.Escape(c.Header)));
        Assert.Equal(expected + "\r\n", writer.ToString());
        Assert.StartsWith("Mã công khai,Mã số,Tên nhiệm vụ,Tên tiếng Anh,Loại nhiệm vụ,Cấp quản lý", writer.ToString());
        Assert.DoesNotContain("Độ mật", writer.ToString());
    }

    [Fact]
    public async Task Csv_export_writes_choices_as_Vietnamese_labels()
    {
        var record = new TaskRecord
        {
            Code = "ĐT-1", Title = "Giống chè", Kind = TaskKind.PilotProductionProject, Status = TaskStatus.Accepted,
            Acceptance = new AcceptanceRecord { Rating = AcceptanceRating.Excellent },
        };
        var writer = new StringWriter();
        await CsvExportWriter.WriteRowAsync(writer, record);
        Assert.Contains(",Dự án sản xuất thử nghiệm,", writer.ToString());
        Assert.Contains(",Đã nghiệm thu,", writer.ToString());
        Assert.Contains(",Xuất sắc,", writer.ToString());
    }
}
