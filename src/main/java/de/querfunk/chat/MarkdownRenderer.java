package de.querfunk.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to safe HTML, and the mentions a message makes. Two independent layers keep scripts
 * out: commonmark-java escapes raw HTML and drops unsafe link targets, then the OWASP sanitizer
 * lets through only an allow-list of elements and http, https and mailto links, whatever a
 * parser bug or an encoding trick produced.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create());
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{1,31})");

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).softbreak("<br />").build();
    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a", "span")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[a-zA-Z0-9_+-]{1,30}")).onElements("code")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    /**
     * A message parsed once: its HTML, safe to insert into a page as it is, and the lower-cased
     * names it mentions outside code (usernames and the words {@code space} and {@code here}), in
     * order of first appearance.
     */
    public record Rendered(String html, Set<String> mentions) {
    }

    public Rendered renderWithMentions(String markdown) {
        Node document = parser.parse(markdown);
        return new Rendered(policy.sanitize(renderer.render(document)), mentions(document));
    }

    /** The message's HTML: safe to insert into a page as it is. */
    public String render(String markdown) {
        return policy.sanitize(renderer.render(parser.parse(markdown)));
    }

    /** The names {@code markdown} mentions, as {@link Rendered#mentions()}. */
    public Set<String> mentions(String markdown) {
        return mentions(parser.parse(markdown));
    }

    private static Set<String> mentions(Node document) {
        Set<String> found = new LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                Matcher m = MENTION.matcher(text.getLiteral());
                while (m.find()) {
                    found.add(m.group(1).replaceAll("[._-]+$", "").toLowerCase(Locale.ROOT));
                }
            }

            @Override
            public void visit(Code code) {
                // mentions in code spans do not count
            }

            @Override
            public void visit(FencedCodeBlock block) {
            }

            @Override
            public void visit(IndentedCodeBlock block) {
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
            }
        });
        return found;
    }

    /** Whether the message contains a link, for the search filter has:link later. */
    public boolean hasLink(String html) {
        return html.contains("<a ");
    }
}
