using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Durable;
using CampaignFlows.Functions.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace CampaignFlows.Functions.Discovery;

internal static partial class FunctionDiscovery
{
    private static FunctionDefinition? DefineHttp(string name, MethodInfo method, ParameterInfo trigger, HttpTriggerAttribute attribute,
        IConfiguration configuration, string routePrefix, Action<string> problem)
    {
        if (trigger.ParameterType != typeof(HttpRequest))
            problem($"the [HttpTrigger] parameter '{trigger.Name}' must be an HttpRequest, not {trigger.ParameterType.Name}.");
        var route = Resolved(attribute.Route ?? name, "Route", configuration, problem);
        if (route is null) return null;
        var fullRoute = string.IsNullOrEmpty(routePrefix) ? route.Trim('/') : $"{routePrefix}/{route.Trim('/')}";
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(fullRoute);
        }
        catch (RoutePatternException e)
        {
            problem($"the route '{route}' is not a valid route template: {e.Message}");
            return null;
        }
        var methods = attribute.Methods.Select(m => m.Trim().ToUpperInvariant()).Distinct().ToList();
        if (methods.Any(m => m.Length == 0 || !m.All(char.IsAsciiLetter))) problem($"the methods [{string.Join(", ", attribute.Methods)}] are not all HTTP method names.");

        var binders = new List<ParameterBinder>();
        foreach (var p in method.GetParameters())
        {
            CheckDurableClientType(p, problem);
            if (p == trigger) binders.Add(ctx => ctx.Http!.Request);
            else if (CommonBinder(name, p) is { } common) binders.Add(common);
            else if (pattern.Parameters.FirstOrDefault(rp => string.Equals(rp.Name, p.Name, StringComparison.OrdinalIgnoreCase)) is { } routeParameter)
                binders.Add(RouteValue(routeParameter.Name, p.ParameterType));
            else problem($"parameter '{p.Name}' ({p.ParameterType.Name}) cannot be bound: it is not a route value of '{fullRoute}' " +
                "nor a [DurableClient], ILogger or CancellationToken.");
        }
        return new FunctionDefinition(name, method, FunctionKind.Http, binders) { Http = new HttpBinding(fullRoute, methods, attribute.AuthLevel) };
    }

    private static ParameterBinder RouteValue(string routeName, Type type)
    {
        var converter = TypeDescriptor.GetConverter(type);
        return ctx =>
        {
            var raw = ctx.Http!.Request.RouteValues[routeName]?.ToString();
            if (raw is null || type == typeof(string)) return raw;
            try
            {
                return converter.ConvertFromString(null, CultureInfo.InvariantCulture, raw);
            }
            catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException || e.InnerException is FormatException)
            {
                throw new FunctionHttpException(StatusCodes.Status400BadRequest, "Invalid route value",
                    $"The route value '{routeName}' = '{raw}' is not a valid {type.Name}.");
            }
        };
    }

    private static FunctionDefinition? DefineTimer(string name, MethodInfo method, ParameterInfo trigger, TimerTriggerAttribute attribute,
        IConfiguration configuration, Action<string> problem)
    {
        if (trigger.ParameterType != typeof(TimerInfo))
            problem($"the [TimerTrigger] parameter '{trigger.Name}' must be a TimerInfo, not {trigger.ParameterType.Name}.");
        var binders = OtherBinders(name, method, trigger, problem);
        var expression = Resolved(attribute.Schedule, "Schedule", configuration, problem);
        if (expression is null) return null;
        try
        {
            var schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
            return new FunctionDefinition(name, method, FunctionKind.Timer, binders)
            {
                Timer = new TimerBinding(expression, schedule, attribute.RunOnStartup, attribute.UseMonitor),
            };
        }
        catch (CrontabException e)
        {
            problem($"the schedule '{expression}' is not a valid 6-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}): {e.Message}");
            return null;
        }
    }

    private static FunctionDefinition? DefineSqs(string name, MethodInfo method, ParameterInfo trigger, SqsTriggerAttribute attribute,
        IConfiguration configuration, Action<string> problem)
    {
        var binders = OtherBinders(name, method, trigger, problem);
        var queueUrl = Resolved(attribute.QueueUrl, "QueueUrl", configuration, problem);
        var deadLetter = attribute.DeadLetterQueueUrl is null ? null : Resolved(attribute.DeadLetterQueueUrl, "DeadLetterQueueUrl", configuration, problem);
        if (attribute.BatchSize is < 1 or > 10) problem($"BatchSize is {attribute.BatchSize}; SQS receives 1 to 10 messages at a time.");
        if (attribute.WaitTimeSeconds is < 0 or > 20) problem($"WaitTimeSeconds is {attribute.WaitTimeSeconds}; SQS long polls 0 to 20 seconds.");
        if (attribute.Pollers is < 1 or > 16) problem($"Pollers is {attribute.Pollers}; 1 to 16 receives may run at once.");
        if (attribute.MaxReceiveCount < 1) problem($"MaxReceiveCount is {attribute.MaxReceiveCount}; it must be at least 1.");
        if (queueUrl is null || (attribute.DeadLetterQueueUrl is not null && deadLetter is null)) return null;
        var type = trigger.ParameterType;
        binders[trigger.Position] = type == typeof(Message) ? ctx => ctx.TriggerValue
            : type == typeof(string) ? ctx => ((Message)ctx.TriggerValue!).Body
            : ctx => JsonSerializer.Deserialize(((Message)ctx.TriggerValue!).Body ?? "null", type, DurableJson.Options);
        return new FunctionDefinition(name, method, FunctionKind.Sqs, binders)
        {
            Sqs = new SqsBinding(queueUrl, deadLetter, attribute.Connection, attribute.BatchSize, attribute.MaxReceiveCount, attribute.WaitTimeSeconds, type,
                attribute.Pollers),
        };
    }

    /// <summary>Binders for a timer or queue function: the trigger value itself, then the shared kinds.</summary>
    private static List<ParameterBinder> OtherBinders(string name, MethodInfo method, ParameterInfo trigger, Action<string> problem)
    {
        var binders = new List<ParameterBinder>();
        foreach (var p in method.GetParameters())
        {
            CheckDurableClientType(p, problem);
            if (p == trigger) binders.Add(ctx => ctx.TriggerValue);
            else if (CommonBinder(name, p) is { } common) binders.Add(common);
            else problem($"parameter '{p.Name}' ({p.ParameterType.Name}) cannot be bound: besides its trigger a function may take " +
                "[DurableClient] DurableTaskClient, ILogger and CancellationToken.");
        }
        return binders;
    }

    private static string? Resolved(string value, string property, IConfiguration configuration, Action<string> problem)
    {
        var resolved = SettingExpression.Resolve(value, configuration, out var missing);
        if (missing is null) return resolved;
        problem($"{property} '{value}' refers to the setting '{missing}', which is not configured (add it to local.settings.json Values or the environment).");
        return null;
    }

    private static void CheckRouteConflicts(IReadOnlyList<FunctionDefinition> functions, List<string> problems)
    {
        var seen = new Dictionary<(string Route, string Method), FunctionDefinition>();
        foreach (var function in functions.Where(f => f.Http is not null))
        {
            var shape = RouteShape(function.Http!.Route);
            foreach (var method in function.Http.Methods.Count == 0 ? ["*"] : function.Http.Methods)
            {
                var clash = seen.Keys.FirstOrDefault(k => k.Route == shape && (k.Method == method || k.Method == "*" || method == "*"));
                if (clash != default)
                {
                    problems.Add($"Function '{function.Name}': route '{function.Http.Route}' with method {method} is already taken by function '{seen[clash].Name}'.");
                    break;
                }
                seen[(shape, method)] = function;
            }
        }
    }

    /// <summary>The route with parameter names erased, so <c>items/{id}</c> and <c>items/{key}</c> compare equal.</summary>
    private static string RouteShape(string route) =>
        string.Join('/', RoutePatternFactory.Parse(route).PathSegments.Select(s =>
            string.Concat(s.Parts.Select(p => p is RoutePatternLiteralPart l ? l.Content.ToUpperInvariant() : "{}"))));
}
