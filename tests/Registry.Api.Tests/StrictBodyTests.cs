using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.ApiKeys;
using Registry.Api.Problems;
using Registry.Api.Tasks;
using Registry.Api.Tests.Fakes;

namespace Registry.Api.Tests;

public sealed class StrictBodyTests
{
    private static HttpContext Request(string body, string contentType = "application/json")
    {
        var services = new ServiceCollection().AddLogging().ConfigureHttpJsonOptions(_ => { }).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context;
    }

    private const string Valid = """{"code":"A-1","title":"Chè","kind":"researchProject","level":"provincial","status":"approved","fields":["401"],"hostOrganization":{"name":"Viện"}""";

    [Fact]
    public async Task A_secret_with_other_bad_fields_is_422_and_the_handler_never_sees_it()
    {
        var body = await TaskRecordBody.BindAsync(Request(Valid + ""","kind":"nope","securityClassification":"Tối mật","extra":1}"""));

        var result = await TaskHandlers.CreateTaskFromBody(body!, TestUsers.Curator(), new FakeTaskStore(), TestUsers.NewResponse(), default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(422, problem.StatusCode);
        Assert.DoesNotContain("Chè", problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task Case_variant_duplicate_is_400_naming_its_path()
    {
        var body = await TaskRecordBody.BindAsync(Request(Valid + ""","Title":"Chè khác"}"""));

        var problem = Assert.IsType<HttpValidationProblemDetails>(body!.Problem!.ProblemDetails);
        Assert.Contains("duplicate property", problem.Errors["Title"].Single());
    }

    [Fact]
    public async Task Body_that_is_not_json_content_is_415()
    {
        var body = await TaskRecordBody.BindAsync(Request(Valid + "}", "text/plain"));

        Assert.Equal(415, body!.Problem!.StatusCode);
    }

    [Fact]
    public async Task Small_bodies_refuse_unknown_and_duplicate_properties_too()
    {
        var unknown = await JsonBody<WithdrawRequest>.BindAsync(Request("""{"reason":"x","force":true}"""));
        var duplicate = await JsonBody<CreateApiKeyRequest>.BindAsync(Request("""{"name":"a","role":"admin","Role":"curator"}"""));
        var fine = await JsonBody<WithdrawRequest>.BindAsync(Request("""{"reason":"Trùng lặp"}"""));

        Assert.Contains("force", ((HttpValidationProblemDetails)unknown!.Problem!.ProblemDetails).Errors.Keys);
        Assert.Contains("Role", ((HttpValidationProblemDetails)duplicate!.Problem!.ProblemDetails).Errors.Keys);
        Assert.Equal("Trùng lặp", fine!.Value!.Reason);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped_and_bytes_that_are_not_utf8_are_400()
    {
        var withBom = Request(Valid + "}");
        withBom.Request.Body = new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid + "}")]);
        var broken = Request("");
        broken.Request.Body = new MemoryStream([.. Encoding.UTF8.GetBytes(Valid + ",\"summary\":\""), 0xC3, 0x28, (byte)'"', (byte)'}']);

        Assert.Equal("A-1", (await TaskRecordBody.BindAsync(withBom))!.Record!.Code);
        Assert.Equal(400, (await TaskRecordBody.BindAsync(broken))!.Problem!.StatusCode);
    }

    [Theory]
    [InlineData("so-khcn.nguyen-van-a", true)]
    [InlineData("curator_1", true)]
    [InlineData("", false)]
    [InlineData("tên", false)]
    [InlineData("a b", false)]
    [InlineData(".hidden", false)]
    [InlineData("a\u0000b", false)]
    public void Api_key_names_follow_one_rule(string name, bool valid)
    {
        Assert.Equal(valid, ApiKeyNames.Problem(name) is null);
        Assert.Null(ApiKeyNames.Problem(new string('k', ApiKeyNames.MaxLength)));
        Assert.NotNull(ApiKeyNames.Problem(new string('k', ApiKeyNames.MaxLength + 1)));
    }
}
