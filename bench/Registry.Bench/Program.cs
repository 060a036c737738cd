using Registry.Bench;

return await BenchCommandLine.RunAsync(args);
