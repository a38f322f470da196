using CouponFunctions.Handler;

var app = HandlerApp.Build(args);
await app.RunAsync();

/// <summary>The entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
