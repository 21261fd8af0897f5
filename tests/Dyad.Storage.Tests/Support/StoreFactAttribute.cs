using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dyad.Storage.Tests.Support;

/// <summary>Marks a test class that needs the PostgreSQL server.</summary>
public interface INeedsPostgres
{
}

/// <summary>
/// A fact of the shared store suite: it runs on every store subclass, and is skipped with the reason on a
/// subclass that needs PostgreSQL when no server is available (xunit 2 has no skipping at run time otherwise).
/// </summary>
[XunitTestCaseDiscoverer("Dyad.Storage.Tests.Support.StoreFactDiscoverer", "Dyad.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}

public sealed class StoreFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var reason = typeof(INeedsPostgres).IsAssignableFrom(type) ? PostgresServer.Unavailable : null;
        if (reason is not null)
            yield return new XunitSkippedDataRowTestCase(sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
        else
            yield return new XunitTestCase(sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
