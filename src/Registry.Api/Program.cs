using Registry.Api.Hosting;
using Registry.Api.Cli;

if (RegistryCli.IsCommand(args)) return await RegistryCli.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.UseRegistryDefaultUrl();
builder.Services.AddRegistryApi(builder.Configuration);

var app = builder.Build();
try
{
    // Before anything opens the database or the index: a second host on the same directory stops here.
    app.Services.GetRequiredService<DataDirectoryLock>();
    app.MapRegistryApi();
    await app.RunAsync();
}
catch (Exception e) when (DataDirectoryLockedException.Find(e) is { } locked)
{
    await Console.Error.WriteLineAsync(locked.Message);
    return RegistryCli.Rejected;
}
catch (SharedEmbeddedIndexException shared)
{
    await Console.Error.WriteLineAsync(shared.Message);
    return RegistryCli.Rejected;
}
return 0;

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
