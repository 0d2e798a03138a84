package org.onetrip.kiosk.idcard.sam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two-digit ethnicity codes of the resident card (GB/T 3304) and their names. */
public final class Ethnicities {
    private static final Map<String, String> BY_CODE;

    static {
        String[] names = {"汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
            "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜",
            "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
            "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(String.format("%02d", i + 1), names[i]);
        }
        m.put("97", "其他");
        m.put("98", "外国血统");
        BY_CODE = Collections.unmodifiableMap(m);
    }

    private Ethnicities() {
    }

    /** The name for a code such as {@code "01"}, or null for an unknown code. */
    public static String nameOf(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /** The code for a name such as {@code "畲"}, or null for an unknown name. */
    public static String codeOf(String name) {
        if (name == null) {
            return null;
        }
        for (Map.Entry<String, String> e : BY_CODE.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Every code and name, in code order. */
    public static Map<String, String> all() {
        return BY_CODE;
    }
}
