using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Api.Cli;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// One strict reading of every JSON record: every secret spelling over REST create and update, JSON Lines over
/// HTTP and the command line is the state-secret refusal, even when hidden behind a repeated property or carried
/// with other bad fields; its unique marker is then in no response, no log line at Trace, no byte of the data
/// directory.
/// </summary>
public sealed class StrictSecretTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private readonly string _marker = $"STRICT{Guid.NewGuid():N}";
    private readonly List<string> _responses = [];

    /// <summary>Classification values as JSON texts: labels in every case and form, names, non-strings, unknown words.</summary>
    public static readonly string[] Spellings =
    [
        "\"TopSecret\"", "\"TOPSECRET\"", "\"confidential\"", "\"secret\"", "\"Mật\"", "\"MẬT\"", "\"mat\"", "\"Tối mật\"",
        "\"toi mat\"", "\"tối-mật\"", "\"Tuyệt mật\"", "\"tuyet mat\"", Json("Tối mật".Normalize(NormalizationForm.FormD)),
        Json("Tuyệt mật".Normalize(NormalizationForm.FormD)), "\"\\u004D\\u1EAD\\u0074\"", "1", "true", "{}", "[\"none\"]", "\"không rõ\"",
    ];

    [Fact]
    public async Task Every_secret_spelling_is_422_at_every_json_entrance_and_leaves_no_trace()
    {
        var curator = await factory.CuratorAsync();
        var existing = await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        var task = (await existing.ReadAsync<TaskWriteResponse>()).Task;
        var etag = existing.Headers.ETag!.Tag;

        foreach (var value in Spellings.Concat(HiddenBehindDuplicates()))
        {
            var body = SecretBody(value);
            await Keep(await curator.PostRawAsync("/api/v1/tasks", body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tasks/{task.Id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            await Keep(await curator.SendAsync(put)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");
        }

        var lines = string.Join("\n", Spellings.Concat(HiddenBehindDuplicates()).Select(SecretBody)) + "\n";
        var refused = await Keep(await curator.PostImportAsync(lines, "application/x-ndjson", "?skipInvalid=true")).ReadJsonAsync();
        Assert.Equal(0, refused.GetProperty("created").GetInt32());
        Assert.All(refused.GetProperty("rejectedRows").EnumerateArray(), row => Assert.False(row.TryGetProperty("code", out _)));
        await RefusedByTheCommandLineAsync(lines);

        var after = await Keep(await curator.GetAsync($"/api/v1/tasks/{task.Id}")).ReadAsync<TaskRecord>();
        Assert.Equal(task.Title, after.Title);
        Assert.All(_responses, r => Assert.DoesNotContain(_marker, r));
        var leaked = factory.Logs.Lines.Where(l => l.Contains(_marker)).ToList();
        Assert.True(leaked.Count == 0, "Logged: " + string.Join("\n", leaked.Take(3)));
        AssertNotInDataFiles();
    }

    private IEnumerable<string> HiddenBehindDuplicates() =>
    [
        "\"topSecret\",\"securityClassification\":\"none\"",
        "\"none\",\"SecurityClassification\":\"Tuyệt mật\"",
        "null,\"SECURITYCLASSIFICATION\":\"mat\"",
    ];

    /// <summary>A record full of the marker, classified by <paramref name="value"/>, with other bad fields too.</summary>
    private string SecretBody(string value)
    {
        var record = TaskRecordBuilder.Valid() with
        {
            Code = $"ĐT-{_marker}-{Guid.NewGuid():N}"[..60], Title = $"Nghiên cứu {_marker}", Summary = $"Nội dung {_marker}",
            PrincipalInvestigator = new PersonRecord { Name = _marker },
        };
        var json = JsonSerializer.Serialize(record, RegistryJson.Options);
        return json[..^1] + $",\"securityClassification\":{value},\"level\":\"{_marker}\",\"x{_marker}\":1}}";
    }

    private async Task RefusedByTheCommandLineAsync(string lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"strict-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(path, lines);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        try
        {
            var exit = await RegistryCli.RunAsync(["import", path, "--skip-invalid"], stdout, stderr, factory.AllSettings,
                services => services.AddLogging(b => b.AddProvider(factory.Logs).SetMinimumLevel(LogLevel.Trace)));
            Assert.Equal(RegistryCli.Ok, exit);
        }
        finally
        {
            File.Delete(path);
        }

        var report = stdout.ToString();
        Assert.Equal(Spellings.Length + 3, report.Split('\n').Count(l => l.Contains("Bản ghi thuộc danh mục bí mật nhà nước")));
        _responses.Add(report);
        _responses.Add(stderr.ToString());
    }

    private void AssertNotInDataFiles()
    {
        var file = DataFiles.FindContaining(factory.DataDirectory, _marker);
        Assert.True(file is null, $"{file} contains the state secret's marker");
    }

    private HttpResponseMessage Keep(HttpResponseMessage response)
    {
        _responses.Add(response.Content.ReadAsStringAsync().GetAwaiter().GetResult() + string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
        return response;
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);
}
