using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BodyRulesConfiguration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgreementId",
                table: "Bodies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_AdvisoryOnly",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_AllowsCoOptedExperts",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_EveryBoardPartyRepresented",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Rules_ExtraMeetingSharePercent",
                table: "Bodies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rules_MandatoryTopics",
                table: "Bodies",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Rules_MembersFrom",
                table: "Bodies",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "Rules_MembershipsWithinTerm",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_MunicipalExecutiveBoardChair",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_MunicipalOpposition",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Rules_RegionMaxSeats",
                table: "Bodies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rules_RegionMinSeats",
                table: "Bodies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_RegionMirrorsMajority",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_RegionalBoardPresidium",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Rules_SeatsPerMunicipality",
                table: "Bodies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_SetsUpCollaborationGroups",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Rules_SharedPresidium",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
            // The rules that were code presets become each body's own configuration (issue 18): the SRB's composition,
            // presidium, term and mandatory topics; the consultation forum's advice-only rule and the bodies its members
            // come from (the county's regional development board and the municipal delegation's working committee).
            migrationBuilder.Sql("""
                UPDATE "Bodies" SET "Rules_SeatsPerMunicipality" = 2, "Rules_MunicipalExecutiveBoardChair" = 1, "Rules_MunicipalOpposition" = 1,
                    "Rules_RegionMinSeats" = 5, "Rules_RegionMaxSeats" = 10, "Rules_RegionalBoardPresidium" = 1, "Rules_RegionMirrorsMajority" = 1,
                    "Rules_EveryBoardPartyRepresented" = 1, "Rules_SharedPresidium" = 1, "Rules_MembershipsWithinTerm" = 1,
                    "Rules_SetsUpCollaborationGroups" = 1, "Rules_MandatoryTopics" = '["Regional utvecklingsstrategi","Regional transportinfrastrukturplan","Regional kulturplan","Trafikförsörjningsprogram","Nära vård","Gemensamma EU-frågor"]'
                WHERE "Rules_CompositionRules" = 'StrategicRegionalCommittee';
                """);
            migrationBuilder.Sql("""
                UPDATE "Bodies" SET "Rules_AdvisoryOnly" = 1 WHERE "Kind" = 'ConsultationForum';
                """);
            migrationBuilder.Sql("""
                UPDATE "Bodies" SET "Rules_MembersFrom" = COALESCE('[{"bodyId":"' ||
                    (SELECT b."Id" FROM "Bodies" b WHERE b."CountyId" = "Bodies"."CountyId" AND b."Kind" = 'RegionalDevelopmentBoard' ORDER BY b."Name" LIMIT 1)
                    || '","count":6},{"bodyId":"' ||
                    (SELECT w."Id" FROM "Bodies" w JOIN "Bodies" d ON d."Id" = w."ParentBodyId" WHERE w."CountyId" = "Bodies"."CountyId" AND w."Kind" = 'WorkingCommittee' AND d."Kind" = 'MunicipalDelegation' ORDER BY w."Name" LIMIT 1)
                    || '","count":7}]', '[]')
                WHERE "Rules_CompositionRules" = 'ConsultationForum';
                """);
            migrationBuilder.Sql("""
                UPDATE "AgendaItems" SET "Topic" = CASE "Topic" WHEN 'RegionalDevelopmentStrategy' THEN 'Regional utvecklingsstrategi' WHEN 'TransportInfrastructurePlan' THEN 'Regional transportinfrastrukturplan' WHEN 'CulturePlan' THEN 'Regional kulturplan' WHEN 'PublicTransportProgramme' THEN 'Trafikförsörjningsprogram' WHEN 'LocalCare' THEN 'Nära vård' WHEN 'EuQuestions' THEN 'Gemensamma EU-frågor' ELSE "Topic" END WHERE "Topic" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Rules_CompositionRules",
                table: "Bodies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementId",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_AdvisoryOnly",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_AllowsCoOptedExperts",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_EveryBoardPartyRepresented",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_ExtraMeetingSharePercent",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_MandatoryTopics",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_MembersFrom",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_MembershipsWithinTerm",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_MunicipalExecutiveBoardChair",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_MunicipalOpposition",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_RegionMaxSeats",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_RegionMinSeats",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_RegionMirrorsMajority",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_RegionalBoardPresidium",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_SeatsPerMunicipality",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_SetsUpCollaborationGroups",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Rules_SharedPresidium",
                table: "Bodies");

            migrationBuilder.AddColumn<string>(
                name: "Rules_CompositionRules",
                table: "Bodies",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");
        }
    }
}
