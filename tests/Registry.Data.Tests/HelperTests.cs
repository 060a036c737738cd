using System.Text.Json;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests;

public sealed class HelperTests
{
    [Fact]
    public void The_public_view_has_no_contacts_and_no_classification()
    {
        var record = TestRecords.Valid() with { SecurityClassification = SecurityClassification.None };

        var json = JsonSerializer.Serialize(TaskRecordProjection.ForPublic(record), RegistryJson.Options);

        Assert.DoesNotContain("@hvu.edu.vn", json);
        Assert.DoesNotContain("0210 3 800 000", json);
        Assert.DoesNotContain("securityClassification", json);
        Assert.Contains("Nguyễn Văn An", json);
        Assert.Contains("PGS.TS.", json);
        Assert.Equal("an.nguyen@hvu.edu.vn", record.PrincipalInvestigator!.Email);
    }

    [Fact]
    public void Organization_names_normalise_form_space_and_case()
    {
        var nfd = "Trường Đại học Hùng Vương".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(OrganizationNames.Normalize("Trường Đại học Hùng Vương"), OrganizationNames.Normalize(" trường đại học  hùng vương "));
        Assert.Equal(OrganizationNames.Normalize("Trường Đại học Hùng Vương"), OrganizationNames.Normalize(nfd));
        Assert.Equal("trường đại học hùng vương", OrganizationNames.Normalize("TRƯỜNG ĐẠI HỌC\tHÙNG VƯƠNG"));
        Assert.NotEqual(OrganizationNames.Normalize("Viện Lúa"), OrganizationNames.Normalize("Viện Lụa"));
    }

    [Fact]
    public void Public_ids_are_opaque_random_and_well_formed()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => PublicIds.NewTaskId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^t[0-9a-hjkmnp-tv-z]{12}$", id));
        Assert.Matches("^o[0-9a-z]{12}$", PublicIds.NewOrganizationId());
        Assert.False(PublicIds.IsWellFormed("t0123456789aI", 't'));
        Assert.False(PublicIds.IsWellFormed("o0123456789ab", 't'));
    }
}
