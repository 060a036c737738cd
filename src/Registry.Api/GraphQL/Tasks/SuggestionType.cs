using GraphQL.Types;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Tasks;

public sealed class SuggestionType : ObjectGraphType<Suggestion>
{
    public SuggestionType()
    {
        Name = "Suggestion";
        Description = "Gợi ý cho ô tìm kiếm (a search-box completion).";
        Field<NonNullGraphType<StringGraphType>>("text").Description("Cụm từ như trong danh mục, có dấu (the phrase as written).").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Nguồn: title, keyword hoặc organization (where it comes from).").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<LongGraphType>>("count").Description("Số nhiệm vụ có cụm từ này (how many tasks carry it).").Resolve(c => c.Source.Count);
    }
}
