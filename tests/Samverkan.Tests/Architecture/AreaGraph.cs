using System.Reflection;
using System.Reflection.Emit;

namespace Samverkan.Tests.Architecture;

/// <summary>
/// Which area of the web project uses which, read from the compiled assembly: every type's signatures (base type,
/// interfaces, fields, properties, parameters, return types, generic arguments) and every type, method and field its
/// method bodies name in their IL. So a dependency through a fully qualified name, a lambda or a Razor view counts too.
/// An area is a folder of Features (Features/Cases → "Cases"), or Data, Infrastructure, Demo and the host itself.
/// </summary>
public sealed class AreaGraph
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private AreaGraph(Dictionary<string, Dictionary<string, HashSet<string>>> uses) => Uses = uses;

    /// <summary>Area → used area → the first few "Type → UsedType" pairs that make the dependency, to name in a failure.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, HashSet<string>>> Uses { get; }

    /// <summary>A graph from named edges, to check the checker itself.</summary>
    public static AreaGraph FromEdges(params (string From, string To)[] edges) => new(edges.GroupBy(e => e.From).ToDictionary(g => g.Key,
        g => g.ToDictionary(e => e.To, e => new HashSet<string> { $"{e.From} → {e.To}" }, StringComparer.Ordinal), StringComparer.Ordinal));

    public static AreaGraph Of(Assembly assembly)
    {
        var uses = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = AreaOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var used in TypesUsedBy(type).Where(t => t.Assembly == assembly))
            {
                var to = AreaOf(used);
                if (to is null || to == from)
                {
                    continue;
                }

                if (!uses.TryGetValue(from, out var targets))
                {
                    uses[from] = targets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                }

                if (!targets.TryGetValue(to, out var examples))
                {
                    targets[to] = examples = [];
                }

                if (examples.Count < 5)
                {
                    examples.Add($"{Outermost(type).FullName} → {Outermost(used).FullName}");
                }
            }
        }

        return new AreaGraph(uses);
    }

    /// <summary>The area a type belongs to, by its namespace; a Razor view by its path (Features_Cases_Details).</summary>
    public static string? AreaOf(Type type)
    {
        var outer = Outermost(type);
        var ns = outer.Namespace ?? string.Empty;
        if (ns == "AspNetCoreGeneratedDocument")
        {
            var parts = outer.Name.Split('_');
            return parts.Length > 2 && parts[0] == "Features" ? parts[1] : null;
        }

        if (!ns.StartsWith("Samverkan.Web", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns.Split('.').Skip(2).ToArray();
        return rest.Length switch
        {
            0 => "Host",
            _ when rest[0] == "Features" => rest.Length > 1 ? rest[1] : "Host",
            _ => rest[0],
        };
    }

    /// <summary>Groups of areas that reach each other (a cycle), each group sorted; none in a layered design.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var areas = Uses.Keys.Concat(Uses.Values.SelectMany(v => v.Keys)).Distinct().OrderBy(a => a, StringComparer.Ordinal).ToList();
        var reach = areas.ToDictionary(a => a, a => Reachable(a));
        return areas.Select(a => areas.Where(b => b == a || (reach[a].Contains(b) && reach[b].Contains(a))).ToList())
            .Where(g => g.Count > 1).DistinctBy(g => string.Join(",", g)).Select(g => (IReadOnlyList<string>)g).ToList();
    }

    public bool DependsOn(string from, string to) => Uses.TryGetValue(from, out var targets) && targets.ContainsKey(to);

    private HashSet<string> Reachable(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var area))
        {
            foreach (var next in Uses.TryGetValue(area, out var targets) ? targets.Keys.ToList() : [])
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    public static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var member in BodyReferences(method))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m is MethodInfo mi)
                        {
                            Add(mi.ReturnType);
                        }

                        if (m.IsGenericMethod)
                        {
                            foreach (var argument in m.GetGenericArguments())
                            {
                                Add(argument);
                            }
                        }

                        break;
                    case FieldInfo f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        return found;
    }

    /// <summary>The types, methods and fields named by a method body's IL (the operands of call, newobj, ldfld, ldtoken …).</summary>
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
                    {
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }

                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
