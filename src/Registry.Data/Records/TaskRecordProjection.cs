namespace Registry.Data.Records;

/// <summary>Views of a record for audiences other than curators.</summary>
public static class TaskRecordProjection
{
    /// <summary>
    /// The public view (invariant 3): investigators keep name, academic title and role; e-mail and phone are removed,
    /// and the input-only security classification is dropped.
    /// </summary>
    public static TaskRecord ForPublic(TaskRecord record) => record with
    {
        SecurityClassification = null,
        PrincipalInvestigator = StripContacts(record.PrincipalInvestigator),
        Members = record.Members?.Select(m => StripContacts(m)!).ToList(),
    };

    private static PersonRecord? StripContacts(PersonRecord? person) =>
        person is null ? null : person with { Email = null, Phone = null };
}
