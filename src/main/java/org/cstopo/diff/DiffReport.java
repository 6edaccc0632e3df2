package org.cstopo.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.json.Json;

/** The semantic differences between two topologies, for people (text) and pipelines (JSON). */
public record DiffReport(List<Difference> items) {
    public DiffReport {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** One line per difference; "no differences" when there are none. */
    public String text() {
        if (items.isEmpty()) {
            return "no differences\n";
        }
        StringBuilder sb = new StringBuilder();
        items.forEach(d -> sb.append(d.text()).append('\n'));
        return sb.toString();
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("equal", items.isEmpty());
        m.put("differences", items.stream().map(Difference::toJson).toList());
        return Json.write(m);
    }
}
