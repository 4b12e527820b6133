namespace Samverkan.Web.Demo;

/// <summary>Condensed texts of the agreements in the source documents, for demo data.</summary>
internal static class AgreementTexts
{
    public const string Vastmanland = """
        1. Samverkan för utveckling i länet
        Ett väl fungerande samarbete mellan länets kommuner och Region Västmanland är en förutsättning för en framgångsrik utveckling i hela länet. Överenskommelsen fastlägger de organisatoriska förutsättningarna för en aktiv samverkan och dialog.

        2. Strategisk regional beredning
        Beredningen samråder, samordnar och lämnar förslag i frågor som är strategiska för länets utveckling. Obligatoriska uppgifter är att bereda Regional utvecklingsstrategi, Regional transportinfrastrukturplan, Regional kulturplan, Trafikförsörjningsprogram, Nära vård och gemensamma EU-frågor.
        Beredningen består av minst 25 och högst 30 ledamöter. Varje kommun utser två ledamöter: kommunstyrelsens ordförande och en ledande företrädare för oppositionen. Regionen utser minst fem och högst tio ledamöter, varav tre utgörs av regionstyrelsens presidium. Regionstyrelsens ordförande är beredningens ordförande. Ledamöterna har inga ersättare. Mandattiden är fyra år från den 1 januari året efter allmänna val.
        Beredningen sammanträder minst sex gånger per år. Kallelse skickas senast 14 dagar före sammanträdet. Protokollet justeras av ordföranden och en utsedd ledamot och skickas till regionstyrelsen, samtliga kommunstyrelser och berörda.

        3. Politiska samverkansgrupper
        Beredningen inrättar och avvecklar politiska samverkansgrupper och beslutar om deras uppdrag, sammansättning och arbetsformer. Grupperna återrapporterar till beredningen två gånger per år.

        5. Ekonomi
        Kostnadsnivån 2023 är 14 840 tkr och fördelas mellan kommunerna efter folkmängd året innan. Betalning sker med hälften senast den 1 februari och hälften senast den 1 augusti. Kostnadsnivån räknas upp med LPIK per den 1 mars om inte annat överenskoms senast den 31 augusti. Ingen uppräkning sker 2024 och 2025.

        7. Giltighet
        Överenskommelsen gäller tills vidare. Om någon part beslutar att utträda upphör överenskommelsen att gälla och en särskild reglering av upplupna och återstående kostnader görs.
        """;

    public const string Vasterbotten = """
        Överenskommelsen om samverkan för regional utveckling 2023–2026 mellan Region Västerbotten och länets 15 kommuner är likalydande för alla kommuner. För varje kommun tydliggörs dess innebörd genom ett samverkansavtal mellan kommunen och regionen.
        Samverkansstrukturen skapar forum för en förtroendefull, effektiv och transparent samverkan: regionala utvecklingsnämnden (RUN), primärkommunal delegation (PKD) med arbetsutskott, och samrådet för samverkan inom regional utveckling (sex ledamöter från RUN och PKD:s arbetsutskott).
        Överenskommelsen gäller 2023–2026. Aktualitetsprövning sker under 2024 och under överenskommelsens sista år.
        """;

    public const string Varmland = """
        Samverkansavtal Värmland reglerar samverkan mellan Region Värmland och länets 16 kommuner. Värmlandsrådet är det gemensamma politiska forumet, med ett arbetsutskott (VRAU) och en tjänstepersonsgrupp (VRAG/KDRD) som bereder ärendena.
        Avtalet gäller tills vidare.
        """;
}
