using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Demo;
using Registry.Data.Import;
using Registry.Data.Records;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Import;

/// <summary>
/// A JSON line is first read in one walk by the strict serializer and only goes through the strict document reading
/// (classification, shape, values) when that walk fails. Whatever the line, both must give the same row: the same
/// record, the same errors with the same line numbers, the same secret verdict.
/// </summary>
public class JsonLinesFastPathTests
{
    private const string Ok = """{"code":"A-1","title":"Nghiên cứu giống chè mới","kind":"researchProject","fields":["401"]""";

    public static TheoryData<string> HostileLines => new()
    {
        Ok + "}",
        Ok + ""","id":"t_123","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-02T00:00:00Z","publishedAt":"2024-01-03T00:00:00Z"}""",
        Ok + ""","code":"A-2"}""",
        Ok + ""","Code":"A-2"}""",
        Ok + ""","CODE":"A-1"}""",
        Ok + ""","budget":{"totalVnd":1,"TotalVnd":2}}""",
        Ok + ""","budget":{"totalVnd":"123"}}""",
        Ok + ""","budget":{"totalVnd":"nhiều"}}""",
        Ok + ""","budget":{"totalVnd":1,"extra":2}}""",
        Ok + ""","unknownThing":1}""",
        Ok + ""","members":[{"name":"A","nick":"b"}]}""",
        Ok + ""","members":[{"name":"A","Name":"B"}]}""",
        Ok + ""","securityClassification":"none"}""",
        Ok + ""","SECURITYCLASSIFICATION":"none"}""",
        Ok + ""","securityClassification":null}""",
        Ok + ""","securityClassification":""}""",
        Ok + ""","securityClassification":"Không"}""",
        Ok + ""","securityClassification":"Thường"}""",
        Ok + ""","securityClassification":"confidential"}""",
        Ok + ""","securityClassification":"mat"}""",
        Ok + ""","securityClassification":"topSecret"}""",
        Ok + ""","securityClassification":5}""",
        Ok + ""","securityClassification":{}}""",
        Ok + ""","securityClassification":"none","SecurityClassification":"secret"}""",
        Ok + ""","SecurityClassification":"mat","securityClassification":"none"}""",
        Ok + ""","securityClassification":"\uD800"}""",
        Ok + ""","members":[{"name":"A","securityClassification":"mat"}]}""",
        Ok + ""","summary":"\uD800 lone"}""",
        Ok + ""","\uD800":1}""",
        Ok + ""","summary":"a\u0000b\uFFFF\u200Bc Cafe\u0301"}""",
        Ok + ""","summary":"Tiê\u0301ng Viê\u0323t NFD"}""",
        Ok + ",}",
        Ok + "/*c*/}",
        Ok + "} ",
        "  " + Ok + "}\t",
        Ok + "} {}",
        Ok + ""","budget":""" + new string('[', 20) + new string(']', 20) + "}",
        Ok + ""","keywords":""" + new string('[', 15) + new string(']', 15) + "}",
        Ok + ""","keywords":[null]}""",
        Ok + ""","keywords":"x"}""",
        Ok + ""","fields":["401"]}""",
        Ok + ""","kind":"foo"}""",
        Ok + ""","kind":1}""",
        Ok + ""","startDate":"31/12/2024"}""",
        Ok + ""","startDate":"2024-02-30"}""",
        Ok + ""","hostOrganization":{"id":"o_1","name":"Viện"}}""",
        Ok + ""","hostOrganization":"Viện"}""",
        Ok + ""","visibility":"withdrawn"}""",
        """[1,2]""",
        """ "text" """,
        """{"code":"A""",
        """{}""",
        """null""",
        """{"code":5,"title":"x"}""",
        """{"code":"A-1","code":"A-1"}""",
    };

    [Theory]
    [MemberData(nameof(HostileLines))]
    public void The_fast_reading_gives_the_strict_readings_row(string line)
    {
        foreach (var keep in new[] { false, true })
        {
            var reader = new JsonLinesImportReader(keep);
            AssertSameRow(reader.ParseLineStrict(7, line), reader.ParseLine(7, line));
        }
    }

    [Fact]
    public void Demo_records_take_the_fast_reading_and_give_the_strict_readings_rows()
    {
        var reader = new JsonLinesImportReader();
        var line = 0;
        foreach (var record in DemoCatalogue.GenerateLarge(300))
        {
            var json = JsonSerializer.Serialize(record, RegistryJson.Options);
            Assert.NotNull(JsonLinesImportReader.TryReadClean(json));
            AssertSameRow(reader.ParseLineStrict(++line, json), reader.ParseLine(line, json));
        }
    }

    [Fact]
    public void A_secret_level_read_by_the_serializer_never_passes_the_fast_reading()
    {
        Assert.Null(JsonLinesImportReader.TryReadClean(Ok + ""","securityClassification":"mat"}"""));
        Assert.NotNull(JsonLinesImportReader.TryReadClean(Ok + ""","securityClassification":"none"}"""));
    }

    private static void AssertSameRow(ImportCandidate strict, ImportCandidate fast)
    {
        Assert.Equal(strict.Line, fast.Line);
        Assert.Equal(strict.Code, fast.Code);
        Assert.Equal(strict.StateSecret, fast.StateSecret);
        Assert.Equal(strict.Errors, fast.Errors);
        Assert.Equal(Json(strict.Record), Json(fast.Record));
    }

    private static string Json(TaskRecord? record) => record is null ? "null" : JsonSerializer.Serialize(record, RegistryJson.Options);
}
