namespace Samverkan.Domain.Bodies;

public enum BodyKind
{
    /// <summary>Strategisk regional beredning (seed 001 §2).</summary>
    StrategicRegionalCommittee,

    /// <summary>Politisk samverkansgrupp, set up and closed by the SRB (seed 001 §3).</summary>
    CollaborationGroup,

    /// <summary>Tjänstepersonsgrupp, e.g. the regional management group or VRAG.</summary>
    OfficialsGroup,

    /// <summary>Regionala utvecklingsnämnden (RUN).</summary>
    RegionalDevelopmentBoard,

    /// <summary>Primärkommunal delegation (PKD).</summary>
    MunicipalDelegation,

    /// <summary>Arbetsutskott (AU, VRAU) of another body.</summary>
    WorkingCommittee,

    /// <summary>Samrådsforum: advisory only.</summary>
    ConsultationForum,

    /// <summary>A county-wide political council such as Värmlandsrådet.</summary>
    CountyCouncil,

    /// <summary>A party's own council (fullmäktige), such as regionfullmäktige (RF), when it decides in a case's flow.</summary>
    PartyAssembly,
}

public enum MembershipRole
{
    Chair,
    FirstViceChair,
    ViceChair,
    Member,
    Substitute,

    /// <summary>May attend and speak, never decides, never counted as a member.</summary>
    CoOptedExpert,
}

public enum PoliticalSide
{
    Majority,
    Opposition,
}

/// <summary>The office that qualifies a person for a seat, e.g. "kommunstyrelsens ordförande".</summary>
public enum QualifyingOffice
{
    None,
    ExecutiveBoardChair,
    ExecutiveBoardViceChair,
    OppositionLeader,
    Official,
}

/// <summary>Which set of composition rules applies to a body beyond its member limits.</summary>
public enum CompositionRuleSet
{
    None,
    StrategicRegionalCommittee,

    /// <summary>Seed 003: the consultation forum is six members of the regional development board and seven of the municipal delegation's working committee.</summary>
    ConsultationForum,
}

public static class BodyLabels
{
    public static string Kind(BodyKind kind) => kind switch
    {
        BodyKind.StrategicRegionalCommittee => "Strategisk regional beredning",
        BodyKind.CollaborationGroup => "Politisk samverkansgrupp",
        BodyKind.OfficialsGroup => "Tjänstepersonsgrupp",
        BodyKind.RegionalDevelopmentBoard => "Regional utvecklingsnämnd",
        BodyKind.MunicipalDelegation => "Primärkommunal delegation",
        BodyKind.WorkingCommittee => "Arbetsutskott",
        BodyKind.ConsultationForum => "Samrådsforum",
        BodyKind.CountyCouncil => "Länsråd",
        BodyKind.PartyAssembly => "Fullmäktige",
        _ => kind.ToString(),
    };

    /// <summary>The body's name with its short name in brackets, unless the name already carries it ("VRAG/KDRD").</summary>
    public static string Title(Body body) =>
        body.ShortName is null || body.Name.Contains(body.ShortName, StringComparison.Ordinal) ? body.Name : $"{body.Name} ({body.ShortName})";

    public static string Role(MembershipRole role) => role switch
    {
        MembershipRole.Chair => "Ordförande",
        MembershipRole.FirstViceChair => "1:e vice ordförande",
        MembershipRole.ViceChair => "Vice ordförande",
        MembershipRole.Member => "Ledamot",
        MembershipRole.Substitute => "Ersättare",
        MembershipRole.CoOptedExpert => "Adjungerad sakkunnig",
        _ => role.ToString(),
    };

    public static string Side(PoliticalSide? side) => side switch
    {
        PoliticalSide.Majority => "Majoritet",
        PoliticalSide.Opposition => "Opposition",
        _ => "–",
    };

    public static string Office(QualifyingOffice office, bool region) => office switch
    {
        QualifyingOffice.ExecutiveBoardChair => region ? "Regionstyrelsens ordförande" : "Kommunstyrelsens ordförande",
        QualifyingOffice.ExecutiveBoardViceChair => region ? "Regionstyrelsens vice ordförande" : "Kommunstyrelsens vice ordförande",
        QualifyingOffice.OppositionLeader => "Ledande företrädare för oppositionen",
        QualifyingOffice.Official => "Tjänsteperson",
        _ => "–",
    };
}
