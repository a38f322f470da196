using System.Net;
using CouponFunctions.App.Auth;
using CouponFunctions.Core.Sends;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>
/// /api/unsubscribe?token= (no key: the token is ours, encrypted and authenticated). POST is RFC 8058 one-click (mail clients
/// post "List-Unsubscribe=One-Click") and the confirmation page's button: the customer is opted out at once. GET shows the
/// page without changing anything, so link scanners that follow links cannot unsubscribe anyone. A token we did not make: 400.
/// </summary>
internal sealed class UnsubscribeFunction(UnsubscribeHandler handler)
{
    [Function("Unsubscribe")]
    [Anonymous]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe")] HttpRequest request, CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var post = HttpMethods.IsPost(request.Method);
        var result = post ? await handler.OptOutAsync(token, cancellationToken) : handler.Check(token);
        if (!result.IsOk) return Page(400, "This unsubscribe link is not valid", "Use the link from the message as it was sent.", null);
        var channel = result.Value!.Channel == Core.Customers.ContactChannel.Email ? "emails" : "text messages";
        return post
            ? Page(200, "You are unsubscribed", $"You will not receive these {channel} any more.", null)
            : Page(200, "Unsubscribe", $"Stop receiving these {channel}?", request.Path + request.QueryString);
    }

    private static IResult Page(int status, string title, string text, string? action)
    {
        var form = action is null ? string.Empty
            : $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\"><button type=\"submit\">Unsubscribe</button></form>";
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
            $"<body style=\"font-family:Arial,sans-serif\"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
