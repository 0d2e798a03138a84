package org.onetrip.backoffice.open311;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GeoReport v2's XML from the same tree as its JSON: an object is an element per key, an array an
 * element per item named for the list ({@code <services><service>}, {@code <attributes><attribute>},
 * {@code <values><value>}, {@code <service_requests><request>}, {@code <errors><error>}), null an
 * empty element. Written by the JDK's StAX writer, which escapes markup; characters XML 1.0 cannot
 * hold are dropped. A key that is no XML name (a value code such as {@code 1}) becomes
 * {@code <entry key="1">}.
 */
public final class Xml {
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,63}");

    private Xml() {
    }

    public static String itemName(String list) {
        return switch (list) {
            case "services" -> "service";
            case "service_requests" -> "request";
            case "errors" -> "error";
            case "attributes" -> "attribute";
            case "values" -> "value";
            case "endpoints" -> "endpoint";
            case "formats" -> "format";
            case "documents" -> "document";
            case "phrases" -> "phrase";
            default -> list.length() > 1 && list.endsWith("s") ? list.substring(0, list.length() - 1) : "item";
        };
    }

    public static byte[] write(String root, JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            element(w, root, tree);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a JSON tree is writable as XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, JsonNode n) throws XMLStreamException {
        boolean plain = NAME.matcher(name).matches() && !name.regionMatches(true, 0, "xml", 0, 3);
        if (n == null || n.isNull() || (n.isContainerNode() && n.isEmpty()) || (n.isTextual() && n.asText().isEmpty())) {
            if (plain) {
                w.writeEmptyElement(name);
            } else {
                w.writeEmptyElement("entry");
                w.writeAttribute("key", clean(name));
            }
            return;
        }
        if (plain) {
            w.writeStartElement(name);
        } else {
            w.writeStartElement("entry");
            w.writeAttribute("key", clean(name));
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                element(w, e.getKey(), e.getValue());
            }
        } else if (n.isArray()) {
            String item = itemName(plain ? name : "item");
            for (JsonNode child : n) {
                element(w, item, child);
            }
        } else {
            w.writeCharacters(clean(n.asText()));
        }
        w.writeEndElement();
    }

    /** Drops what XML 1.0 cannot carry (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE
                        && c != 0xFFFF;
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            } else if (ok && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
