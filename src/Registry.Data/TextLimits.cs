namespace Registry.Data;

/// <summary>Length limits shared by the validator and the column definitions, so they cannot drift apart.</summary>
public static class TextLimits
{
    public const int Code = 64;
    public const int PublicId = 16;
    public const int Title = 1000;
    public const int ShortText = 300;
    public const int Place = 100;
    public const int PersonName = 200;
    public const int AcademicTitle = 50;
    public const int Role = 100;
    public const int Email = 254;
    public const int Phone = 50;
    public const int DocumentNumber = 100;
    public const int Identifier = 200;
    /// <summary>An ORCID, ROR or funder identifier in its canonical URL form (the longest is a Funder Registry DOI URL).</summary>
    public const int PersistentId = 64;
    public const int Url = 2000;
    public const int Keyword = 100;
    public const int Keywords = 50;
    public const int FieldCode = 7;
    public const int Fields = 20;
    public const int Members = 100;
    public const int Outputs = 200;
    /// <summary>Summary, objectives, methods, expected results, results, application potential, descriptions.</summary>
    public const int LongText = 20000;
    public const int EnumName = 32;
    /// <summary>Tóm tắt phổ thông: a few sentences, not a second abstract.</summary>
    public const int PlainSummary = 800;
    /// <summary>Coverage items per task.</summary>
    public const int Coverage = 500;
}
