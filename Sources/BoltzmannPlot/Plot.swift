public enum Plot {}
