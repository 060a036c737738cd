using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersistentIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FunderIdentifier",
                table: "Tasks",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FunderName",
                table: "Tasks",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierType",
                table: "TaskOutputs",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ror",
                table: "Organizations",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Orcid",
                table: "Investigators",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FunderIdentifier",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "FunderName",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "IdentifierType",
                table: "TaskOutputs");

            migrationBuilder.DropColumn(
                name: "Ror",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Orcid",
                table: "Investigators");
        }
    }
}
