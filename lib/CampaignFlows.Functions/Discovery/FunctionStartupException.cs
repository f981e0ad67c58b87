namespace CampaignFlows.Functions;

/// <summary>The app's functions or configuration are wrong; the host refuses to start.</summary>
/// <remarks>The message names every function, file or key at fault and what is wrong with it.</remarks>
public sealed class FunctionStartupException : Exception
{
    /// <summary>Creates the exception from one or more problems, each naming its subject.</summary>
    public FunctionStartupException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : "The host cannot start:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems)) =>
        Problems = problems;

    /// <summary>Creates the exception for one problem.</summary>
    public FunctionStartupException(string problem) : this([problem])
    {
    }

    /// <summary>Creates the exception for one problem caused by another exception.</summary>
    public FunctionStartupException(string problem, Exception inner) : base(problem, inner) => Problems = [problem];

    /// <summary>Each problem on its own.</summary>
    public IReadOnlyList<string> Problems { get; }
}
