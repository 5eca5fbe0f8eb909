package de.querfunk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Unit tests of the Markdown pipeline: no executable markup, whatever the input. */
class MarkdownRendererTest {

    private static final Pattern TAG = Pattern.compile("<\\s*([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");
    private static final List<String> ALLOWED_TAGS = List.of("p", "br", "em", "strong", "del", "s", "code", "pre",
            "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr",
            "th", "td", "a", "span");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void hostileCorpus_rendersWithoutExecutableMarkup() throws IOException {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        for (String input : corpus) {
            String html = renderer.render(input);
            Matcher tag = TAG.matcher(html);
            while (tag.find()) {
                String name = tag.group(1).toLowerCase(Locale.ROOT);
                assertThat(ALLOWED_TAGS).as("tag <%s> from %s -> %s", name, input, html).contains(name);
                Matcher attr = ATTRIBUTE.matcher(tag.group(2));
                while (attr.find()) {
                    String attribute = attr.group(1).toLowerCase(Locale.ROOT);
                    assertThat(attribute).as("attribute in %s -> %s", input, html).isIn("href", "rel", "class", "align");
                    if (attribute.equals("href")) {
                        String url = decode(attr.group(2));
                        assertThat(url).as("link in %s -> %s", input, html)
                                .matches("(?i)(https?:|mailto:|#|/|[^:]*$).*");
                    }
                }
            }
        }
    }

    @Test
    void markdown_tablesStrikethroughAndAutolinksRender() {
        assertThat(renderer.render("| a |\n|---|\n| b |")).contains("<table>").contains("<td>b</td>");
        assertThat(renderer.render("~~weg~~")).contains("<del>weg</del>");
        assertThat(renderer.render("siehe https://example.org/faq"))
                .contains("<a href=\"https://example.org/faq\" rel=\"nofollow noopener noreferrer\">");
    }

    @Test
    void mentions_outsideCodeCount_insideCodeDoNot() {
        assertThat(renderer.mentions("@Alice und @bob.b, bitte @here")).containsExactly("alice", "bob.b", "here");
        assertThat(renderer.mentions("`@alice` and\n\n```\n@bob\n```\n\n    @carol")).isEmpty();
        assertThat(renderer.mentions("mail an anna@example.org")).isEmpty();
        assertThat(renderer.mentions("@space Achtung")).containsExactly("space");
    }

    private static String decode(String html) {
        return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&#61;", "=").replace("&#64;", "@")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .replaceAll("&#(\\d+);", "");
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = MarkdownRendererTest.class.getResourceAsStream("/chat/hostile-markdown.txt")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n=====\n"));
        }
    }
}
