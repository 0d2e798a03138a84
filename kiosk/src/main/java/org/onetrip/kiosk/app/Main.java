package org.onetrip.kiosk.app; public class Main { public static void main(String[] a){} }
