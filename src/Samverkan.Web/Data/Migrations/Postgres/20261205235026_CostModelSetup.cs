using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CostModelSetup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing models keep what was fixed before: LPIK as of 1 March, uplifts agreed by 31 August, and the section
            // their invoices have cited.
            migrationBuilder.AddColumn<int>(
                name: "IndexReferenceDayOfMonth",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "IndexReferenceMonth",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<string>(
                name: "IndexSeries",
                table: "CostModels",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "LPIK");

            migrationBuilder.AddColumn<string>(
                name: "InvoiceSection",
                table: "CostModels",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "avsnitt 5 Ekonomi");

            migrationBuilder.AddColumn<int>(
                name: "UpliftDeadlineDay",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 31);

            migrationBuilder.AddColumn<int>(
                name: "UpliftDeadlineMonth",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 8);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IndexReferenceDayOfMonth",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "IndexReferenceMonth",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "IndexSeries",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "InvoiceSection",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "UpliftDeadlineDay",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "UpliftDeadlineMonth",
                table: "CostModels");
        }
    }
}
