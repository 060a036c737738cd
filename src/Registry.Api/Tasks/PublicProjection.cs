using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>Strips curator-only contact fields from a record before it leaves through a public response.</summary>
internal static class PublicProjection
{
    public static TaskRecord Of(TaskRecord record) => record with
    {
        PrincipalInvestigator = Strip(record.PrincipalInvestigator),
        Members = record.Members?.Select(m => Strip(m)!).ToList(),
        SecurityClassification = null,
    };

    private static PersonRecord? Strip(PersonRecord? person) => person is null ? null : person with { Email = null, Phone = null };
}
