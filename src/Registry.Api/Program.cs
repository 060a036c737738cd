using Registry.Api.Cli;

if (RegistryCli.IsCommand(args)) return await RegistryCli.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.UseRegistryDefaultUrl();
builder.Services.AddRegistryApi(builder.Configuration);

var app = builder.Build();
app.MapRegistryApi();
await app.RunAsync();
return 0;

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
