package org.onetrip.kiosk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.config.KioskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk services}: the catalogue as the kiosk sees it. */
@Command(name = "services", description = "List the service catalogue: codes, names, windows, fields.")
public final class ServicesCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig c = options.load();
        ServiceCatalog catalog = c.catalogFile() == null ? new CatalogLoader().loadBundled() : new CatalogLoader().load(c.catalogFile());
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ServiceDefinition s : catalog.services()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("service_code", s.code());
                m.put("service_name", s.name().byTag());
                m.put("group", s.windowCode());
                m.put("identity", s.identity().name().toLowerCase(java.util.Locale.ROOT));
                List<Map<String, Object>> attrs = new ArrayList<>();
                for (Attribute a : s.attributes()) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("code", a.code());
                    am.put("datatype", a.datatype().open311());
                    am.put("required", a.required());
                    am.put("description", a.description().byTag());
                    if (!a.values().isEmpty()) {
                        am.put("values", a.values().stream().map(v -> v.key()).toList());
                    }
                    attrs.add(am);
                }
                m.put("attributes", attrs);
                out.add(m);
            }
            System.out.println(Json.write(out));
            return 0;
        }
        for (var w : catalog.windows()) {
            System.out.println(w.letter() + "  " + w.code() + "  " + w.name().zh() + " / " + w.name().en());
            for (ServiceDefinition s : catalog.servicesOf(w.code())) {
                StringBuilder fields = new StringBuilder();
                for (Attribute a : s.attributes()) {
                    fields.append(fields.length() == 0 ? "" : ", ").append(a.code()).append(a.required() ? "*" : "")
                            .append(':').append(a.datatype().open311());
                }
                System.out.printf("   %-28s %s / %s [%s] %s%n", s.code(), s.name().zh(), s.name().en(),
                        s.identity().name().toLowerCase(java.util.Locale.ROOT), fields);
            }
        }
        return 0;
    }
}
