using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeLog",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TaskId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Change = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLog", x => x.Sequence);
                });

            // Tasks published before the log existed enter it once, as created, in publication order.
            migrationBuilder.Sql(
                "INSERT INTO [ChangeLog] ([TaskId], [Change], [At]) SELECT [PublicId], 'Created', [PublishedAt] FROM [Tasks] WHERE [Visibility] = 'Published' ORDER BY [PublishedAt], [Id];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeLog");
        }
    }
}
